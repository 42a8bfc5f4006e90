//! The numbers behind each chart: a table for screen readers and the CSV download, and a
//! one-sentence summary. Every chart type describes itself through `Chart`, so no chart can
//! ship without its text alternative.

use crate::heatmap::HeatmapChart;
use crate::histogram::HistogramChart;
use crate::hits::Layer;
use crate::line::LineChart;
use crate::scatter::ScatterChart;
use crate::stacked::StackedBarChart;
use crate::tornado::TornadoChart;
use crate::{BarChart, ValueUnit};
use headstart_core::format::significant;

/// Rows of text cells under a header; numbers are written in full precision for the CSV and
/// formatted for reading in `display`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataTable {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What every chart offers besides its picture.
pub trait Chart {
    fn title(&self) -> &str;
    /// The chart at its own width: what downloads carry.
    fn svg(&self) -> String {
        self.svg_at(self.width())
    }
    /// The chart drawn for a box `width` pixels wide, in that width's class.
    fn svg_at(&self, width: u32) -> String {
        self.svg_layered(width, Layer::Plain)
    }
    /// The chart for a box `width` pixels wide with, for an interactive `layer`, a hit target
    /// per mark: what the page shows.
    fn svg_layered(&self, width: u32, layer: Layer) -> String;
    /// The width of the chart's own rendering.
    fn width(&self) -> u32;
    fn table(&self) -> DataTable;
    /// One sentence a screen reader can read instead of looking.
    fn summary(&self) -> String;
}

impl DataTable {
    /// RFC 4180 CSV, headed by comment lines with the title, the source and the view's link, so
    /// a downloaded file still says where it came from.
    pub fn to_csv(&self, title: &str, source: &str, link: &str) -> String {
        let mut out = format!("# {title}\n# Source: {source}\n# View: {link}\n");
        for row in std::iter::once(&self.columns).chain(&self.rows) {
            out.push_str(&row.iter().map(|cell| csv_cell(cell)).collect::<Vec<_>>().join(","));
            out.push('\n');
        }
        out
    }
}

fn csv_cell(cell: &str) -> String {
    if cell.contains([',', '"', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

/// A number as the CSV carries it: exact, or empty when there is none.
fn raw(value: Option<f64>) -> String {
    value.filter(|v| v.is_finite()).map_or_else(String::new, |v| v.to_string())
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

impl Chart for BarChart {
    fn title(&self) -> &str {
        &self.title
    }

    fn svg_layered(&self, width: u32, layer: Layer) -> String {
        crate::bar::horizontal_bars_layered(self, width, layer)
    }

    fn width(&self) -> u32 {
        self.width
    }

    fn table(&self) -> DataTable {
        let ranged = self.bars.iter().any(|b| b.range.is_some());
        let mut columns = headers(&["Item", &self.value_label]);
        if ranged {
            columns.extend(headers(&["P10", "P90"]));
        }
        let rows = self
            .bars
            .iter()
            .map(|bar| {
                let mut row = vec![bar.label.clone(), raw(bar.value)];
                if ranged {
                    row.extend([raw(bar.range.map(|r| r.0)), raw(bar.range.map(|r| r.1))]);
                }
                row
            })
            .collect();
        DataTable { columns, rows }
    }

    fn summary(&self) -> String {
        let valued: Vec<(&str, f64)> = self
            .bars
            .iter()
            .filter_map(|b| Some((b.label.as_str(), b.value.filter(|v| v.is_finite())?)))
            .collect();
        let largest = valued.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1));
        let smallest = valued.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1));
        match (largest, smallest) {
            (Some(high), Some(low)) => format!(
                "{}: {} {}, largest {} ({}), smallest {} ({}).",
                self.title,
                valued.len(),
                if valued.len() == 1 { "bar" } else { "bars" },
                high.0,
                self.unit.format(high.1),
                low.0,
                self.unit.format(low.1)
            ),
            _ => format!("{}: no figures to show.", self.title),
        }
    }
}

impl Chart for LineChart {
    fn title(&self) -> &str {
        &self.title
    }

    fn svg_layered(&self, width: u32, layer: Layer) -> String {
        crate::line::line_chart_layered(self, width, layer)
    }

    fn width(&self) -> u32 {
        self.width
    }

    /// One row per x of the first series; every series is sampled at the same x.
    fn table(&self) -> DataTable {
        let mut columns = vec![self.x_label.clone()];
        columns.extend(self.series.iter().map(|s| s.name.clone()));
        let xs = self.series.first().map_or(&[][..], |s| &s.points[..]);
        let rows = xs
            .iter()
            .enumerate()
            .map(|(i, (x, _))| {
                std::iter::once(raw(Some(*x)))
                    .chain(self.series.iter().map(|s| raw(s.points.get(i).map(|p| p.1))))
                    .collect()
            })
            .collect();
        DataTable { columns, rows }
    }

    fn summary(&self) -> String {
        let peaks: Vec<String> = self
            .series
            .iter()
            .filter_map(|s| {
                let (x, y) = s
                    .points
                    .iter()
                    .copied()
                    .filter(|(x, y)| x.is_finite() && y.is_finite())
                    .max_by(|a, b| a.1.total_cmp(&b.1))?;
                Some(format!(
                    "{} peaks at {} at {}",
                    s.name,
                    self.y_unit.format(y),
                    ValueUnit::Share.format(x)
                ))
            })
            .collect();
        let marker =
            self.marker.as_ref().map_or_else(String::new, |m| format!(" The line marks {}.", m.label));
        format!("{}: {}.{marker}", self.title, peaks.join("; "))
    }
}

impl Chart for ScatterChart {
    fn title(&self) -> &str {
        &self.title
    }

    fn svg_layered(&self, width: u32, layer: Layer) -> String {
        crate::scatter::log_scatter_layered(self, width, layer)
    }

    fn width(&self) -> u32 {
        self.width
    }

    fn table(&self) -> DataTable {
        let rows =
            self.points.iter().map(|p| vec![p.label.clone(), raw(Some(p.x)), raw(Some(p.y))]).collect();
        DataTable { columns: headers(&["Item", &self.x_label, &self.y_label]), rows }
    }

    fn summary(&self) -> String {
        let by_y = |a: &&crate::LabelledPoint, b: &&crate::LabelledPoint| a.y.total_cmp(&b.y);
        let describe = |p: &crate::LabelledPoint| {
            format!("{} ({} by {})", p.label, self.x_unit.format(p.x), self.y_unit.format(p.y))
        };
        let (Some(low), Some(high)) = (self.points.iter().min_by(by_y), self.points.iter().max_by(by_y))
        else {
            return format!("{}: no points.", self.title);
        };
        let marked = self
            .highlight
            .as_ref()
            .and_then(|h| self.points.iter().find(|p| &p.label == h))
            .map_or_else(String::new, |p| format!(" Marked: {}.", describe(p)));
        format!(
            "{}: {} points on logarithmic axes, from {} to {}.{marked}",
            self.title,
            self.points.len(),
            describe(low),
            describe(high)
        )
    }
}

impl Chart for StackedBarChart {
    fn title(&self) -> &str {
        &self.title
    }

    fn svg_layered(&self, width: u32, layer: Layer) -> String {
        crate::stacked::stacked_bars_layered(self, width, layer)
    }

    fn width(&self) -> u32 {
        self.width
    }

    /// Long form: one row per item and part, with the part's share of its item.
    fn table(&self) -> DataTable {
        let rows = self
            .rows
            .iter()
            .flat_map(|row| {
                let total: f64 = row.parts.iter().map(|p| p.1).filter(|v| v.is_finite() && *v > 0.0).sum();
                row.parts.iter().map(move |(part, value)| {
                    vec![
                        row.label.clone(),
                        part.clone(),
                        raw(Some(*value)),
                        raw((total > 0.0).then(|| value / total)),
                    ]
                })
            })
            .collect();
        DataTable { columns: headers(&["Item", "Part", "Lines", "Share"]), rows }
    }

    fn summary(&self) -> String {
        let leaders: Vec<String> = self
            .rows
            .iter()
            .filter_map(|row| {
                let total: f64 = row.parts.iter().map(|p| p.1).sum();
                let (part, value) = row.parts.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
                (total > 0.0).then(|| {
                    format!("{} mostly {} ({})", row.label, part, ValueUnit::Share.format(value / total))
                })
            })
            .collect();
        format!("{}: {}.", self.title, leaders.join("; "))
    }
}

impl Chart for HeatmapChart {
    fn title(&self) -> &str {
        &self.title
    }

    fn svg_layered(&self, width: u32, layer: Layer) -> String {
        crate::heatmap::heatmap_chart_layered(self, width, layer)
    }

    fn width(&self) -> u32 {
        self.width
    }

    fn table(&self) -> DataTable {
        let rows = self
            .cells
            .iter()
            .zip(&self.y_values)
            .flat_map(|(row, y)| {
                row.iter()
                    .zip(&self.x_values)
                    .map(move |(value, x)| vec![raw(Some(*x)), raw(Some(*y)), raw(*value)])
            })
            .collect();
        DataTable {
            columns: vec![self.x_label.clone(), self.y_label.clone(), self.value_label.clone()],
            rows,
        }
    }

    fn summary(&self) -> String {
        let cells = self.cells.iter().zip(&self.y_values).flat_map(|(row, y)| {
            row.iter()
                .zip(&self.x_values)
                .filter_map(move |(v, x)| Some((v.filter(|v| v.is_finite())?, *x, *y)))
        });
        let (low, high) = cells.fold((None::<(f64, f64, f64)>, None::<(f64, f64, f64)>), |(lo, hi), c| {
            (Some(lo.filter(|l| l.0 <= c.0).unwrap_or(c)), Some(hi.filter(|h| h.0 >= c.0).unwrap_or(c)))
        });
        match low.zip(high) {
            Some((low, high)) => {
                let at = |(value, x, y): (f64, f64, f64)| {
                    format!(
                        "{} where {} is {} and {} is {}",
                        self.unit.format(value),
                        self.x_label,
                        significant(x),
                        self.y_label,
                        significant(y)
                    )
                };
                format!("{}: from {} to {}.", self.title, at(low), at(high))
            }
            None => format!("{}: not computed yet.", self.title),
        }
    }
}

impl Chart for HistogramChart {
    fn title(&self) -> &str {
        &self.title
    }

    fn svg_layered(&self, width: u32, layer: Layer) -> String {
        crate::histogram::histogram_chart_layered(self, width, layer)
    }

    fn width(&self) -> u32 {
        self.width
    }

    fn table(&self) -> DataTable {
        let h = &self.distribution.histogram;
        let rows = h
            .edges
            .windows(2)
            .zip(&h.counts)
            .map(|(e, count)| vec![raw(Some(e[0])), raw(Some(e[1])), count.to_string()])
            .collect();
        DataTable { columns: headers(&["From", "To", "Draws"]), rows }
    }

    fn summary(&self) -> String {
        let d = &self.distribution;
        format!(
            "{}: median {}, 80% of draws between {} and {}.",
            self.title,
            self.unit.format(d.p50),
            self.unit.format(d.p10),
            self.unit.format(d.p90)
        )
    }
}

impl Chart for TornadoChart {
    fn title(&self) -> &str {
        &self.title
    }

    fn svg_layered(&self, width: u32, layer: Layer) -> String {
        crate::tornado::tornado_chart_layered(self, width, layer)
    }

    fn width(&self) -> u32 {
        self.width
    }

    fn table(&self) -> DataTable {
        let rows = self
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.label.clone(),
                    r.low_label.clone(),
                    raw(Some(r.at_low)),
                    r.high_label.clone(),
                    raw(Some(r.at_high)),
                ]
            })
            .collect();
        DataTable {
            columns: headers(&["Input", "Low end", "Outcome at low end", "High end", "Outcome at high end"]),
            rows,
        }
    }

    fn summary(&self) -> String {
        match self.rows.first() {
            Some(top) => format!(
                "{}: {} as set; {} moves it most, from {} to {}.",
                self.title,
                self.unit.format(self.base),
                top.label,
                self.unit.format(top.at_low),
                self.unit.format(top.at_high)
            ),
            None => format!("{}: no inputs.", self.title),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Bar;

    #[test]
    fn csv_quotes_what_needs_it_and_says_where_it_came_from() {
        let table = DataTable {
            columns: headers(&["Item", "Cost"]),
            rows: vec![vec!["R&D, \"core\"".into(), "5".into()]],
        };
        let csv =
            table.to_csv("Cost per framework", "Headstart dataset", "https://example.org/ledger?salary=1");
        assert_eq!(csv, "# Cost per framework\n# Source: Headstart dataset\n# View: https://example.org/ledger?salary=1\nItem,Cost\n\"R&D, \"\"core\"\"\",5\n");
    }

    #[test]
    fn bars_give_exact_numbers_and_a_summary() {
        let chart = BarChart {
            title: "Cost".into(),
            value_label: "Cost (USD)".into(),
            unit: ValueUnit::Money,
            bars: vec![
                Bar { label: "A".into(), value: Some(27_300_000.5), range: None },
                Bar { label: "B".into(), value: None, range: None },
            ],
            width: 600,
        };
        assert_eq!(
            chart.table().rows,
            vec![vec!["A".to_owned(), "27300000.5".to_owned()], vec!["B".to_owned(), String::new()]]
        );
        assert_eq!(chart.summary(), "Cost: 1 bar, largest A ($27.3m), smallest A ($27.3m).");
    }
}
