/// The style sheet every evidence page embeds: plain on screen, A4 when printed.
enum EvidenceStyle {
    static let css = """
        :root { color-scheme: light; }
        body { font-family: -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif;
          font-size: 15px; line-height: 1.45; color: #111; background: #fff; margin: 2rem auto;
          max-width: 74rem; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
        h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #999; }
        h3 { font-size: 1.05rem; margin-top: 1.4rem; }
        table { border-collapse: collapse; margin: 0.6rem 0; }
        th, td { border: 1px solid #bbb; padding: 0.25rem 0.45rem; text-align: left;
          vertical-align: top; }
        th { background: #f0f0f0; }
        table { max-width: 100%; }
        td { overflow-wrap: break-word; }
        td.mono, td .mono, .hash { overflow-wrap: anywhere; }
        table.facts th { width: 13rem; }
        table.items { width: 100%; table-layout: fixed; }
        table.items th:nth-child(1) { width: 20%; }
        table.items th:nth-child(2), table.items th:nth-child(3),
        table.items th:nth-child(4) { width: 11%; }
        table.items th:nth-child(6) { width: 20%; }
        .nw { white-space: nowrap; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        code, pre, .mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace;
          font-size: 0.85em; }
        .hash { word-break: break-all; }
        pre { background: #f6f6f6; border: 1px solid #ccc; padding: 0.5rem;
          white-space: pre-wrap; word-break: break-word; }
        blockquote { margin: 0.6rem 0; padding: 0.4rem 0.8rem; border-left: 4px solid #777;
          background: #fafafa; }
        .excerpt { white-space: pre-wrap; }
        mark { background: #ffe25a; color: #000; padding: 0 0.1em; }
        .note { border: 1px solid #c90; background: #fff8e5; padding: 0.4rem 0.7rem; }
        .status-open { color: #8a4b00; font-weight: bold; }
        .status-confirmed { color: #a00; font-weight: bold; }
        .status-dismissed, .status-declared { color: #255; font-weight: bold; }
        .finding { border-top: 2px solid #333; margin-top: 2rem; }
        tr.cited td { background: #fff3c4; }
        nav { margin-bottom: 1rem; }
        footer { margin-top: 3rem; font-size: 0.85rem; color: #444; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        table.transcript { width: 100%; table-layout: fixed; }
        table.transcript th:nth-child(1) { width: 3.2rem; }
        table.transcript th:nth-child(2) { width: 22%; }
        table.transcript th:nth-child(3) { width: 17%; }
        table.exhibits td:first-child { white-space: nowrap; }
        .decision { font-size: 1.05em; border-left: 4px solid #333; padding: 0.2rem 0.6rem;
          break-after: avoid-page; }
        .howto { font-size: 0.85em; color: #444; }
        caption { text-align: left; font-weight: bold; padding: 0.2rem 0; }
        pre.recipe { font-size: 0.8em; }
        @page { size: A4; margin: 12mm 12mm 15mm 12mm;
          @bottom-left { font-family: "Liberation Sans", Arial, sans-serif; font-size: 8pt;
            color: #444; }
          @bottom-right { content: "Page " counter(page) " of " counter(pages);
            font-family: "Liberation Sans", Arial, sans-serif; font-size: 8pt; color: #444; } }
        p, td, li { overflow-wrap: break-word; }
        code.rule { white-space: nowrap; overflow-wrap: normal; word-break: keep-all; }
        .first-screen h1 { margin-top: 0; }
        .lede { color: #333; margin: 0.2rem 0; }
        .headline { font-size: 1.1rem; margin: 0.4rem 0 0.6rem; }
        .story-grid { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr);
          gap: 1.5rem; }
        .story-grid h2, .next-steps h3 { margin-top: 0.6rem; }
        table.severity { width: 100%; font-size: 0.9em; }
        table.severity td, table.severity th { padding: 0.15rem 0.35rem; }
        tr.sev-high th { border-left: 5px solid #000; }
        tr.sev-medium th { border-left: 5px solid #777; }
        ol.people { margin: 0.3rem 0; padding-left: 1.4rem; }
        ol.people li { margin-bottom: 0.3rem; }
        .tag { font-size: 0.8em; border: 1px solid #777; border-radius: 3px; padding: 0 0.3em;
          white-space: nowrap; }
        .next-steps { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
          gap: 0.8rem; }
        .story-grid .next-steps { grid-template-columns: minmax(0, 1fr); gap: 0.5rem; }
        .story-grid .next-step { font-size: 0.9em; }
        .next-step { border: 1px solid #888; border-left-width: 6px; padding: 0.2rem 0.7rem;
          break-inside: avoid-page; }
        .next-step p { margin: 0.3rem 0; }
        .next-step h2, .next-step h3 { border: none; margin: 0.3rem 0; font-size: 1.05rem; }
        .matter-harms-threshold.next-step { border-left: 6px solid #000; background: #f2f2f2; }
        .matter-low-level-concern.next-step { border-left: 6px double #555; }
        .matter-conduct.next-step { border-left: 6px solid #bbb; }
        .charts { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
        .charts figure { margin: 0.6rem 0; }
        figcaption { font-weight: bold; font-size: 0.9rem; margin-bottom: 0.2rem; }
        svg.chart { max-width: 100%; height: auto; }
        .utc { color: #555; font-size: 0.9em; }
        .finding-block { border-top: 1px solid #999; padding-top: 0.2rem; margin-top: 0.4rem;
          break-inside: avoid-page; }
        .finding-block p { margin: 0.2rem 0; }
        .finding-head { font-size: 0.95em; }
        .how-sure { color: #333; }
        .people a, .next-step a, table.grouped a, table.incidents td:first-child {
          white-space: nowrap; }
        .quote { border-left: 3px solid #777; padding-left: 0.4rem; margin-top: 0.3rem; }
        .badge { display: inline-block; border: 1.5px solid #000; border-radius: 3px;
          font-weight: bold; font-size: 0.8em; padding: 0 0.25em; margin-left: 0.25em; }
        tr.gap td { text-align: center; color: #555; font-style: italic; background: #fafafa; }
        .source h4 { margin: 0.8rem 0 0.2rem; font-size: 0.95rem; }
        .source-line { font-size: 0.8em; color: #333; margin: 0.1rem 0; }
        pre.fragment { font-size: 0.72em; line-height: 1.25; padding: 0.3rem; margin: 0.2rem 0; }
        .keep { break-inside: avoid-page; }
        .cover { break-after: page; padding-top: 30%; }
        .contents { break-after: page; }
        .contents ol { list-style: none; padding: 0; }
        .contents li { display: flex; gap: 0.4rem; margin: 0.15rem 0; }
        .contents li .dots { flex: 1; border-bottom: 1px dotted #777; margin-bottom: 0.3rem; }
        .bundle-part { break-before: page; }
        img.exhibit-picture { display: block; max-width: 100%; max-height: 12cm; margin-top: 4pt;
          border: 1px solid #999; break-inside: avoid; }
        /* Print rules last, so that they win over the screen rules above. */
        @media print {
          body { font-size: 9.5pt; line-height: 1.3; margin: 0; max-width: none; padding: 0; }
          h1 { font-size: 14pt; margin: 0 0 4pt; }
          h2 { font-size: 11.5pt; margin: 9pt 0 3pt; }
          h3 { font-size: 10pt; margin: 7pt 0 2pt; }
          p { margin: 3pt 0; }
          table { margin: 3pt 0; }
          th, td { padding: 1.5pt 4pt; }
          blockquote { margin: 3pt 0; padding: 2pt 6pt; }
          pre { padding: 3pt; }
          footer { margin-top: 8pt; font-size: 7.5pt; }
          .finding-block { margin-top: 3pt; }
          table.transcript, table.items { font-size: 8.5pt; }
          table.transcript th:nth-child(2) { width: 19%; }
          table.transcript th:nth-child(3) { width: 14%; }
          table.transcript th:nth-child(5), table.items th:nth-child(6) { width: 16%; }
          .next-step p { margin: 2pt 0; }
          .next-step h2 { margin: 2pt 0; font-size: 10.5pt; }
          nav, .howto { display: none; }
          a { color: inherit; text-decoration: none; }
          h2, h3, h4 { break-after: avoid-page; break-inside: avoid-page; }
          .story-grid { grid-template-columns: minmax(0, 1fr); gap: 0; }
          .headline { font-size: 10.5pt; }
          .next-steps { grid-template-columns: repeat(3, minmax(0, 1fr)); }
          .utc { font-size: 0.85em; }
          blockquote, .note, tr { break-inside: avoid-page; }
          table.facts, table.severity, svg, figure { break-inside: avoid-page; }
        }
        """
}
