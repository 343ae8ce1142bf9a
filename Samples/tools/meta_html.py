"""Pages the way Meta's "Download Your Information" HTML exports write them.

Used by make_facebook_sample.py for the HTML twin of Rebecca Hale's Facebook export and for her
Instagram HTML export. Standard library only, deterministic.

The markup copies what real exports show (FORMATS.md 1.11 and 2.9, and the two real HTML pages in
shared/formats/samples): a head with a <base href> back to the export root, Meta's generated
class names, one block per record, newest first. Pages are built as a small element tree so that
the XPath-style path of every record (/html/body/div/.../div[3]) is known here and can go into
the answer keys: conduct-audit cites HTML items by exactly that path. A tag gets a position only
when it repeats among its siblings, as libxml2's xmlGetNodePath writes it.
"""

from __future__ import annotations

from datetime import datetime

VOID = {"meta", "base", "img", "br", "link", "hr", "input"}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
FULL_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# A short excerpt of the stylesheet every Meta page inlines (the real one is about 10 kB).
STYLE = ("html{touch-action:manipulation}body{background:#fff;color:#1c1e21;direction:ltr;"
         "line-height:1.34;margin:0;padding:0;unicode-bidi:embed}body,button,input,label,select,"
         "td,textarea{font-family:'Segoe UI Historic', 'Segoe UI', Helvetica, Arial, sans-serif;"
         "font-size:12px}h1,h2,h3,h4,h5,h6{color:#1c1e21;font-size:13px;font-weight:600;"
         "margin:0;padding:0}a{color:#385898;cursor:pointer;text-decoration:none}"
         "._a705{margin:0 auto;width:800px}._a706{float:left;margin-bottom:15px;position:relative;"
         "width:inherit;word-break:break-word;z-index:0}._a6-g{background:#fff;border-radius:8px;"
         "margin:12px 0}._a6-h{font-weight:600}._a6-o{color:#7f7f7f}")


class El:
    """An element: tag, attributes (in order), children (El or text). `key` marks a record."""

    def __init__(self, tag: str, attrs: dict | None = None, *children, key: str | None = None):
        self.tag = tag
        self.attrs = attrs or {}
        self.children = [c for c in children if c is not None]
        self.key = key


def escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#039;"))


def render(root: El) -> tuple[str, dict[str, str]]:
    """The page's HTML and the element path of every keyed element."""
    paths: dict[str, str] = {}

    def write(el: El, path: str) -> str:
        if el.key:
            paths[el.key] = path
        attrs = "".join(f' {k}="{escape(v)}"' for k, v in el.attrs.items())
        if el.tag in VOID:
            return f"<{el.tag}{attrs} />"
        counts: dict[str, int] = {}
        for child in el.children:
            if isinstance(child, El):
                counts[child.tag] = counts.get(child.tag, 0) + 1
        seen: dict[str, int] = {}
        inner = []
        for child in el.children:
            if isinstance(child, El):
                seen[child.tag] = seen.get(child.tag, 0) + 1
                step = f"{child.tag}[{seen[child.tag]}]" if counts[child.tag] > 1 else child.tag
                inner.append(write(child, f"{path}/{step}"))
            else:
                inner.append(escape(child))
        return f"<{el.tag}{attrs}>{''.join(inner)}</{el.tag}>"

    return write(root, "/html"), paths


def text_block(text: str) -> list:
    """Text with line breaks as <br />, as Meta writes multi-line text."""
    parts: list = []
    for index, line in enumerate(text.split("\n")):
        if index:
            parts.append(El("br"))
        parts.append(line)
    return parts


def base_href(path: str) -> str:
    """The <base href> that leads from a page back to the export root."""
    return "../" * (path.count("/"))


# --- Dates -------------------------------------------------------------------------------------


def facebook_en_gb(moment: datetime) -> str:
    """Facebook's date for an en-GB account: '16 Nov 2024, 19:02:14' (local time, no zone)."""
    return f"{moment.day:02d} {MONTHS[moment.month - 1]} {moment.year}, {moment:%H:%M:%S}"


def facebook_header(moment: datetime) -> str:
    """'Friday, 14 March 2025 at 09:12 UTC+00:00', as the page header writes the export time."""
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    sign = "-" if minutes < 0 else "+"
    return (f"{WEEKDAYS[moment.weekday()]}, {moment.day} {FULL_MONTHS[moment.month - 1]} "
            f"{moment.year} at {moment:%H:%M} UTC{sign}{abs(minutes) // 60:02d}:"
            f"{abs(minutes) % 60:02d}")


def instagram_date(moment: datetime) -> str:
    """Instagram's date: 'Nov 16, 2024 7:02 pm' (local time, minutes only, no zone)."""
    hour = moment.hour % 12 or 12
    return (f"{MONTHS[moment.month - 1]} {moment.day:02d}, {moment.year} {hour}:"
            f"{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}")


# --- Facebook pages (2022+ layout, FORMATS.md 1.11) --------------------------------------------


def facebook_page(path: str, title: str, header: str, records: list[El]) -> El:
    head = El("head", {},
              El("meta", {"http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"}),
              El("base", {"href": base_href(path)}),
              El("style", {"type": "text/css"}, STYLE),
              El("title", {}, title))
    top = El("div", {"class": "_3-8y _3-95 _a709"},
             El("div", {"class": "_a70d"},
                El("div", {"class": "_a70e"}, title),
                El("div", {"class": "_aoaa"}, El("div", {}, header))))
    main = El("div", {"class": "_a706", "role": "main"}, *records)
    body = El("body", {"class": "_5vb_ _2yq _a7o5"},
              El("div", {"class": "clearfix _ikh"},
                 El("div", {"class": "_4bl9"},
                    El("div", {"class": "_li"},
                       El("div", {"class": "_a705"}, top, main)))))
    return El("html", {}, head, body)


def facebook_footer(date_text: str, link: str | None = None) -> El:
    clock = El("div", {"class": "_a72d"}, date_text)
    inner = El("a", {"target": "_blank", "href": link}, clock) if link else clock
    return El("footer", {"class": "_3-94 _a6-o"}, inner)


def facebook_section(key: str, title: str | None, body: list, date_text: str | None,
                     link: str | None = None) -> El:
    """A post, comment, reaction, connection or profile block: <section class="_a6-g">."""
    parts: list = []
    if title is not None:
        parts.append(El("h2", {"class": "_2ph_ _a6-h _a6-i"}, title))
    if body:
        parts.append(El("div", {"class": "_2ph_ _a6-p"}, El("div", {}, *body)))
    if date_text is not None:
        parts.append(facebook_footer(date_text, link))
    return El("section", {"class": "_a6-g"}, *parts, key=key)


def facebook_text(text: str) -> El:
    return El("div", {"class": "_2pin"}, El("div", {}, *text_block(text)), El("div", {}))


def facebook_media(uri: str, caption: str | None) -> El:
    return El("div", {"class": "_2pin"},
              El("div", {},
                 El("div", {"class": "_a7nf"},
                    El("div", {"class": "_a7ng"},
                       El("div", {},
                          El("a", {"target": "_blank", "href": uri},
                             El("img", {"src": uri, "class": "_a6_o"})),
                          El("div", {}, caption or ""))))))


def facebook_link(url: str, name: str | None) -> El:
    return El("div", {"class": "_2pin"},
              El("div", {}, El("div", {}, El("a", {"target": "_blank", "href": url}, name or url))))


def label_rows(rows: list[tuple[str, object]]) -> El:
    """A label/value table. A value is text, a list of texts (one <div> each) or an El."""
    trs = []
    for label, value in rows:
        if isinstance(value, list):
            cell = El("td", {"class": "_2pin _2piu _a6_r"}, *[El("div", {}, v) for v in value])
        elif isinstance(value, El):
            cell = El("td", {"class": "_2pin _2piu _a6_r"}, value)
        else:
            cell = El("td", {"class": "_2pin _2piu _a6_r"}, value)
        trs.append(El("tr", {}, El("td", {"class": "_2pin _a6_q"}, label), cell))
    return El("table", {"style": "table-layout: fixed;"}, *trs)


def facebook_message(key: str, sender: str, text: str | None, date_text: str,
                     reactions: list[tuple[str, str]] | None = None) -> El:
    content: list = [El("div", {}), El("div", {}, *text_block(text or "")), El("div", {}),
                     El("div", {})]
    if reactions:
        content.append(El("div", {}, El("ul", {"class": "_a6-q"},
                                         *[El("li", {}, f"{emoji}{actor}")
                                           for emoji, actor in reactions])))
    return El("div", {"class": "_3-95 _a6-g"},
              El("div", {"class": "_2ph_ _a6-h _a6-i"}, sender),
              El("div", {"class": "_2ph_ _a6-p"}, El("div", {}, *content)),
              El("div", {"class": "_3-94 _a6-o"}, El("div", {"class": "_a72d"}, date_text)),
              key=key)


# --- Instagram pages (FORMATS.md 2.9) ----------------------------------------------------------


def instagram_page(path: str, title: str, records: list[El]) -> El:
    head = El("head", {},
              El("meta", {"http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"}),
              El("base", {"href": base_href(path)}),
              El("style", {"type": "text/css"}, STYLE),
              El("title", {}, title))
    logo = El("div", {"class": "_as_0", "style": "background:white"},
              El("img", {"src": "files/Instagram-Logo.png", "height": "28", "alt": "Instagram",
                         "style": "position: absolute;left: 42px;top: 15px;"}))
    header = El("header", {"class": "_as-_ _a70a", "aria-labelledby": "u_0_f_xz"},
                El("div", {"class": "_a70d"}, El("h1", {"id": "u_0_f_xz"}, title)))
    main = El("main", {"class": "_a706", "role": "main"}, *records)
    body = El("body", {"class": "_5vb_ _2yq _a7o5"},
              El("div", {"class": "_li"}, logo, El("div", {"class": "_a705"}, header, main)))
    return El("html", {}, head, body)


IG_BLOCK = "pam _3-95 _2ph- _a6-g uiBoxWhite noborder"


def instagram_record(key: str, title: str | None, content: list, date_text: str | None) -> El:
    """A message, post or story block: heading, content, date."""
    parts: list = []
    if title is not None:
        parts.append(El("h2", {"class": "_3-95 _2pim _a6-h _a6-i"}, title))
    parts.append(El("div", {"class": "_3-95 _a6-p"}, El("div", {}, *content)))
    if date_text is not None:
        parts.append(El("div", {"class": "_3-94 _a6-o"}, date_text))
    return El("div", {"class": IG_BLOCK}, *parts, key=key)


def instagram_message(key: str, sender: str, text: str, date_text: str) -> El:
    return instagram_record(key, sender, [El("div", {}), El("div", {}, *text_block(text)),
                                          El("div", {}), El("div", {})], date_text)


def instagram_media(uri: str) -> El:
    return El("div", {}, El("a", {"target": "_blank", "href": uri},
                            El("img", {"src": uri, "class": "_a6_o _3-96"})))


def instagram_list_entry(key: str, title: str | None, href: str, link_text: str | None,
                         value: str | None, date_text: str) -> El:
    """A string_list_data record: optional title (h2), then link, value and date one level
    down. The link shows `link_text`, or its own address when that is None."""
    inner = [El("div", {}, El("a", {"target": "_blank", "href": href}, link_text or href))]
    if value is not None:
        inner.append(El("div", {}, value))
    inner.append(El("div", {}, date_text))
    parts: list = []
    if title is not None:
        parts.append(El("h2", {"class": "_3-95 _2pim _a6-h _a6-i"}, title))
    parts.append(El("div", {"class": "_a6-p"}, El("div", {}, *inner)))
    return El("div", {"class": IG_BLOCK}, *parts, key=key)


def instagram_map_entry(key: str, rows: list[tuple[str, str, bool]]) -> El:
    """A string_map_data record: rows of (label, value, is_time); times in a second cell."""
    trs = []
    for label, value, is_time in rows:
        if is_time:
            trs.append(El("tr", {}, El("td", {"class": "_2pin _a6_q"}, label),
                          El("td", {"class": "_2pin _2piu _a6_r"}, value)))
        else:
            trs.append(El("tr", {}, El("td", {"colspan": "2", "class": "_2pin _a6_q"}, label,
                                        El("div", {}, El("div", {}, value)))))
    return El("div", {"class": IG_BLOCK},
              El("div", {"class": "_3-95 _a6-p"},
                 El("table", {"style": "table-layout: fixed;"}, *trs)), key=key)
