import AuditModel
import Foundation

/// The first screen's two charts as inline SVG: findings per month per rule, and the staff
/// member's activity by weekday and hour.
///
/// Both print and read in greyscale: each cell's shade is one grey-blue ramp from light to
/// dark, and every non-empty cell also carries its count as text.
enum EvidenceCharts {
    /// The fill of a cell with `count` of `maximum` (0 is white).
    static func shade(_ count: Int, of maximum: Int) -> (fill: String, text: String) {
        guard count > 0, maximum > 0 else { return ("#ffffff", "#000000") }
        let ramp = ["#dbe4ee", "#a9bcd0", "#6b8aad", "#3d5f86", "#1b3557"]
        let level = min(
            ramp.count - 1,
            Int((Double(count) / Double(maximum) * Double(ramp.count)).rounded(.up)) - 1)
        return (ramp[max(0, level)], level >= 2 ? "#ffffff" : "#000000")
    }

    /// Findings per month (columns) for each rule (rows), with totals per rule.
    static func monthlyStrip(_ overview: EvidenceOverview) -> String {
        let rules = overview.rulesWithFindings
        let months = overview.months
        guard !rules.isEmpty, !months.isEmpty else {
            return "<p>No dated findings to show by month.</p>\n"
        }
        let labelWidth = 150
        let cell = max(14, min(28, 440 / months.count))
        let row = 20
        let width = labelWidth + cell * months.count + 44
        let height = 16 + row * rules.count + 30
        let maximum =
            rules.flatMap { rule in months.map { overview.findingsPerMonth[rule]?[$0] ?? 0 } }.max()
            ?? 0
        var svg = """
            <svg class="chart" role="img" viewBox="0 0 \(width) \(height)" width="\(width)" \
            height="\(height)" xmlns="http://www.w3.org/2000/svg" font-family="Liberation Sans, \
            Arial, sans-serif" font-size="11">
            <title>Findings per month and rule</title>\n
            """
        svg +=
            "<text x=\"\(labelWidth + cell * months.count + 4)\" y=\"11\" font-weight=\"bold\">total</text>\n"
        for (r, rule) in rules.enumerated() {
            let y = 16 + r * row
            svg +=
                "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\">\(HTML.escape(rule.rawValue))</text>\n"
            var total = 0
            for (m, month) in months.enumerated() {
                let count = overview.findingsPerMonth[rule]?[month] ?? 0
                total += count
                let (fill, ink) = shade(count, of: maximum)
                let x = labelWidth + m * cell
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell - 1)\" height=\"\(row - 2)\" fill=\"\(fill)\" stroke=\"#999\" stroke-width=\"0.5\">"
                svg +=
                    "<title>\(HTML.escape(rule.rawValue)), \(month.label): \(count) finding(s)</title></rect>\n"
                if count > 0 {
                    svg +=
                        "<text x=\"\(x + (cell - 1) / 2)\" y=\"\(y + 13)\" text-anchor=\"middle\" fill=\"\(ink)\" font-size=\"10\">\(count)</text>\n"
                }
            }
            svg +=
                "<text x=\"\(labelWidth + cell * months.count + 4)\" y=\"\(y + 14)\">\(total)</text>\n"
        }
        let axis = 16 + row * rules.count + 12
        let every = max(
            1, Int((Double(months.count) * 30 / Double(cell * months.count)).rounded(.up)))
        for (m, month) in months.enumerated() where m % every == 0 || month.month == 1 {
            let x = labelWidth + m * cell
            let label =
                (m == 0 || month.month == 1)
                ? "\(month.shortName) \(month.year % 100 < 10 ? "0" : "")\(month.year % 100)"
                : month.shortName
            svg += "<text x=\"\(x)\" y=\"\(axis)\" font-size=\"10\">\(label)</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// The staff member's own items by local weekday (rows) and hour (columns); working time is
    /// outlined.
    static func weekdayHour(_ bundle: EvidenceBundle) -> String {
        var counts: [EvidenceBundle.WeekdayHour: Int] = [:]
        for date in bundle.ownActivity {
            counts[EvidenceBundle.WeekdayHour(date, in: bundle.timeZone), default: 0] += 1
        }
        let maximum = counts.values.max() ?? 0
        let labelWidth = 32
        let cell = 17
        let width = labelWidth + cell * 24 + 36
        let height = 14 + cell * 7 + 4
        var svg = """
            <svg class="chart" role="img" viewBox="0 0 \(width) \(height)" width="\(width)" \
            height="\(height)" xmlns="http://www.w3.org/2000/svg" font-family="Liberation Sans, \
            Arial, sans-serif" font-size="10">
            <title>The staff member's own items by weekday and hour</title>\n
            """
        for hour in stride(from: 0, to: 24, by: 3) {
            svg +=
                "<text x=\"\(labelWidth + hour * cell + 1)\" y=\"10\">\(hour < 10 ? "0" : "")\(hour)</text>\n"
        }
        svg +=
            "<text x=\"\(labelWidth + cell * 24 + 4)\" y=\"10\" font-weight=\"bold\">total</text>\n"
        for weekday in 1...7 {
            let y = 14 + (weekday - 1) * cell
            let name = ZonedDateTime.weekdayNames[weekday - 1]
            svg += "<text x=\"0\" y=\"\(y + 12)\">\(name.prefix(3))</text>\n"
            var total = 0
            for hour in 0..<24 {
                let key = EvidenceBundle.WeekdayHour(weekday: weekday, hour: hour)
                let count = counts[key] ?? 0
                total += count
                let working = bundle.workingHoursShading.contains(key)
                var (fill, ink) = shade(count, of: maximum)
                if count == 0 && working { (fill, ink) = ("#eeeeee", "#000000") }
                let x = labelWidth + hour * cell
                let stroke =
                    working
                    ? "stroke=\"#000\" stroke-width=\"1.2\""
                    : "stroke=\"#bbb\" stroke-width=\"0.5\""
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell - 1)\" height=\"\(cell - 1)\" fill=\"\(fill)\" \(stroke)>"
                svg +=
                    "<title>\(name) \(hour):00–\(hour):59: \(count) item(s)\(working ? ", working time" : "")</title></rect>\n"
                if count > 0 {
                    svg +=
                        "<text x=\"\(x + 8)\" y=\"\(y + 12)\" text-anchor=\"middle\" fill=\"\(ink)\" font-size=\"9\">\(count)</text>\n"
                }
            }
            svg += "<text x=\"\(labelWidth + cell * 24 + 4)\" y=\"\(y + 12)\">\(total)</text>\n"
        }
        return svg + "</svg>\n"
    }
}
