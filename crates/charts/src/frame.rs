//! The layout every chart shares: a legend and the y axis's title along the top, tick labels
//! beside and below the plot, the x axis's title under them. Margins come from the measured
//! widths of the labels they hold, so nothing is cut and nothing is guessed.

use crate::axis::Axis;
use crate::hits::Hit;
use crate::size::WidthClass;
use crate::text::{Align, Ink, Label, Placer, Rect};
use crate::theme::{GRID, INK, MUTED};
use plotters::coord::ranged1d::AsRangedCoord;
use plotters::coord::{CoordTranslate, Shift};
use plotters::prelude::*;

/// The margin around everything.
pub const PAD: f64 = 8.0;
/// Between a tick label and its axis.
const TICK_GAP: f64 = 6.0;
/// Between two lines of text above or below the plot.
const LINE_GAP: f64 = 4.0;

pub type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
pub type Drawn = Result<(), Box<dyn std::error::Error>>;
/// Ticks along an axis: each value with its label.
pub type Ticks = Vec<(f64, String)>;

/// What a legend entry shows before its name.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Swatch {
    Line(RGBColor, u32),
    Block(RGBColor),
}

/// A chart's canvas while it is laid out: its size class, the text placed so far and the first
/// free row from the top.
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub class: WidthClass,
    pub size: f64,
    /// The first free y below what has been laid out along the top.
    pub top: f64,
    pub placer: Placer,
    swatches: Vec<(Rect, Swatch)>,
    /// One target per mark, for the page's interaction layer.
    pub hits: Vec<Hit>,
}

/// What a chart's drawing leaves to be written over the marks: its text and its hit targets.
pub struct Drawing {
    pub labels: Vec<Label>,
    pub hits: Vec<Hit>,
}

impl Frame {
    pub fn new(width: u32, height: u32) -> Frame {
        let class = WidthClass::of(width);
        Frame {
            width: width as f64,
            height: height as f64,
            class,
            size: class.font_size(),
            top: PAD,
            placer: Placer::new(width as f64, height as f64),
            swatches: Vec::new(),
            hits: Vec::new(),
        }
    }

    /// The height of a line of text's box.
    pub fn line(&self) -> f64 {
        Label::height_at(self.size)
    }

    pub fn label(&self, text: impl Into<String>, ink: Ink) -> Label {
        Label::new(text, self.size, ink)
    }

    /// A legend in rows along the top, wrapping at the chart's width.
    pub fn legend(&mut self, items: &[(String, Swatch)]) {
        if items.is_empty() {
            return;
        }
        const SWATCH: f64 = 16.0;
        const SPACING: f64 = 16.0;
        let (mut x, mut row) = (PAD, 0);
        let line = self.line();
        for (name, swatch) in items {
            let label = self.label(name.as_str(), Ink::Text);
            let width = SWATCH + 4.0 + label.width();
            if x > PAD && x + width > self.width - PAD {
                (x, row) = (PAD, row + 1);
            }
            let top = self.top + row as f64 * (line + LINE_GAP);
            self.placer.fixed(label.top(x + SWATCH + 4.0, top, Align::Start));
            self.swatches.push((Rect::new(x, top, x + SWATCH, top + line), *swatch));
            x += width + SPACING;
        }
        self.top += (row + 1) as f64 * (line + LINE_GAP) + LINE_GAP;
    }

    /// A line of text at the top-left, above the plot: the y axis's title.
    pub fn heading(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let label = self.label(text, Ink::Text).top(PAD, self.top, Align::Start);
        self.placer.fixed(label);
        self.top += self.line() + LINE_GAP;
    }

    /// The room under a plot for the x axis's tick labels and, if any, its title.
    pub fn bottom_room(&self, titled: bool) -> f64 {
        TICK_GAP + self.line() + if titled { LINE_GAP + self.line() } else { 0.0 } + PAD
    }

    /// The most ticks along `left..right` whose labels keep a space apart.
    pub fn x_ticks(&self, axis: &Axis, left: f64, right: f64) -> Vec<(f64, String)> {
        let size = self.size;
        let gap = size;
        axis.fitted(self.class.most_ticks(), |ticks| {
            let boxes: Vec<(f64, f64)> = ticks
                .iter()
                .map(|(v, text)| {
                    let x = left + (right - left) * axis.fraction(*v);
                    let w = Label::new(text.as_str(), size, Ink::Text).width();
                    (x - w / 2.0, x + w / 2.0)
                })
                .collect();
            boxes.windows(2).all(|pair| pair[0].1 + gap <= pair[1].0)
        })
    }

    /// The most ticks along `top..bottom` that keep a line and a half apart.
    pub fn y_ticks(&self, axis: &Axis, top: f64, bottom: f64) -> Vec<(f64, String)> {
        let spacing = self.line() * 1.8;
        let most = ((bottom - top) / spacing).floor().max(1.0) as usize;
        axis.fitted(self.class.most_ticks().min(most), |ticks| {
            let ys: Vec<f64> =
                ticks.iter().map(|(v, _)| bottom - (bottom - top) * axis.fraction(*v)).collect();
            ys.windows(2).all(|pair| (pair[0] - pair[1]).abs() >= spacing)
        })
    }

    /// The widest of some tick labels.
    pub fn widest(&self, ticks: &[(f64, String)]) -> f64 {
        ticks.iter().map(|(_, text)| self.label(text.as_str(), Ink::Text).width()).fold(0.0, f64::max)
    }

    /// Lays out a plot with a value axis each way: the y title above, y ticks to the left, x ticks
    /// and title below. Returns the plot's box and both axes' ticks.
    pub fn cartesian(&mut self, x: &Axis, x_title: &str, y: &Axis, y_title: &str) -> (Rect, Ticks, Ticks) {
        self.heading(y_title);
        let top = self.top + self.line() / 2.0;
        let bottom = self.height - self.bottom_room(!x_title.is_empty());
        let y_ticks = self.y_ticks(y, top, bottom);
        let left = PAD + self.widest(&y_ticks) + TICK_GAP;
        let right = self.width - PAD - self.size / 2.0;
        let x_ticks = self.x_ticks(x, left, right);
        (Rect::new(left.round(), top.round(), right.round(), bottom.round()), x_ticks, y_ticks)
    }

    /// The x axis under `plot`: optional grid lines, the axis line, tick labels and the title.
    pub fn draw_x_axis(
        &mut self,
        root: &Area,
        plot: Rect,
        ticks: &[(f64, String)],
        to_x: impl Fn(f64) -> f64,
        title: &str,
        grid: bool,
    ) -> Drawn {
        let line = self.line();
        for (value, text) in ticks {
            let x = to_x(*value);
            if grid {
                segment(root, (x, plot.top), (x, plot.bottom), GRID)?;
            }
            segment(root, (x, plot.bottom), (x, plot.bottom + 4.0), INK)?;
            let label = self.label(text.as_str(), Ink::Text).top(x, plot.bottom + TICK_GAP, Align::Middle);
            // Clear of the y axis's labels, which end TICK_GAP left of the plot: the lowest one,
            // centred on the bottom edge, reaches half a line down, below the x labels' top.
            self.placer.fixed(label.kept_within(plot.left - TICK_GAP / 2.0, self.width));
        }
        segment(root, (plot.left, plot.bottom), (plot.right, plot.bottom), INK)?;
        if !title.is_empty() {
            let y = plot.bottom + TICK_GAP + line + LINE_GAP;
            let label = self.label(title, Ink::Text).top((plot.left + plot.right) / 2.0, y, Align::Middle);
            self.placer.fixed(label.kept_within(PAD, self.width - PAD));
        }
        Ok(())
    }

    /// The y axis left of `plot`: grid lines across the plot, the axis line and tick labels.
    pub fn draw_y_axis(
        &mut self,
        root: &Area,
        plot: Rect,
        ticks: &[(f64, String)],
        to_y: impl Fn(f64) -> f64,
    ) -> Drawn {
        for (value, text) in ticks {
            let y = to_y(*value);
            segment(root, (plot.left, y), (plot.right, y), GRID)?;
            let label = self.label(text.as_str(), Ink::Text).middle(plot.left - TICK_GAP, y, Align::End);
            self.placer.fixed(label);
        }
        segment(root, (plot.left, plot.top), (plot.left, plot.bottom), INK)?;
        Ok(())
    }

    /// The legend's swatches and the leader lines of nudged labels; the text is written last.
    pub fn finish(self, root: &Area) -> Result<Drawing, Box<dyn std::error::Error>> {
        for (rect, swatch) in &self.swatches {
            let middle = (rect.top + rect.bottom) / 2.0;
            match *swatch {
                Swatch::Line(colour, stroke) => {
                    root.draw(&PathElement::new(
                        [(rect.left as i32, middle as i32), (rect.right as i32, middle as i32)],
                        colour.stroke_width(stroke),
                    ))?;
                }
                Swatch::Block(colour) => {
                    let half = (rect.height() / 2.0).min(6.0);
                    root.draw(&Rectangle::new(
                        [
                            (rect.left as i32 + 2, (middle - half) as i32),
                            ((rect.left + 2.0 + 2.0 * half) as i32, (middle + half) as i32),
                        ],
                        colour.filled(),
                    ))?;
                }
            }
        }
        for [start, end] in self.placer.leaders() {
            segment(root, *start, *end, MUTED)?;
        }
        root.present()?;
        Ok(Drawing { labels: self.placer.into_labels(), hits: self.hits })
    }
}

/// A plotters chart on the whole SVG, its plot at the given box.
pub type Plot<'a, 'b, X, Y> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<X, Y>>;

/// The plotters chart whose plot fills `area`, with the given axes' ranges.
pub fn plot<'a, 'b, X: AsRangedCoord, Y: AsRangedCoord>(
    root: &'a Area<'b>,
    area: Rect,
    x: X,
    y: Y,
) -> Result<Plot<'a, 'b, X::CoordDescType, Y::CoordDescType>, Box<dyn std::error::Error>> {
    let (width, height) = root.dim_in_pixel();
    Ok(ChartBuilder::on(root)
        .margin_left(area.left as u32)
        .margin_top(area.top as u32)
        .margin_right(width.saturating_sub(area.right as u32))
        .margin_bottom(height.saturating_sub(area.bottom as u32))
        .build_cartesian_2d(x, y)?)
}

/// Where a point of the plot's coordinates falls, in the chart's pixels.
pub fn pixel<C: CoordTranslate>(coord: &C, at: C::From) -> (f64, f64) {
    let (x, y) = coord.translate(&at);
    (x as f64, y as f64)
}

/// A one-pixel line between two points in the chart's pixels.
pub fn segment(root: &Area, from: (f64, f64), to: (f64, f64), colour: RGBColor) -> Drawn {
    let point = |(x, y): (f64, f64)| (x.round() as i32, y.round() as i32);
    root.draw(&PathElement::new([point(from), point(to)], colour.stroke_width(1)))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The corner where both axes start: the y axis's lowest label reaches below the x labels'
    /// top, so the first x label must stay clear of it sideways, with room for a browser that
    /// rounds the text boxes up to whole pixels.
    #[test]
    fn the_first_labels_of_the_two_axes_keep_apart_in_the_corner() {
        let percent = |v: f64| format!("{:.0}%", v * 100.0);
        let plain = |v: f64| format!("{v:.0}");
        for width in [300, 600, 1000] {
            let mut svg = String::new();
            let root = SVGBackend::with_string(&mut svg, (width, 400)).into_drawing_area();
            let mut frame = Frame::new(width, 400);
            let x = Axis { low: 0.0, high: 1.0, log: false, format: &percent };
            let y = Axis { low: 0.0, high: 100.0, log: false, format: &plain };
            let (plot, x_ticks, y_ticks) = frame.cartesian(&x, "share", &y, "value");
            let to_x = |v: f64| plot.left + (plot.right - plot.left) * v;
            let to_y = |v: f64| plot.bottom - (plot.bottom - plot.top) * v / 100.0;
            frame.draw_x_axis(&root, plot, &x_ticks, to_x, "share", false).unwrap();
            frame.draw_y_axis(&root, plot, &y_ticks, to_y).unwrap();
            let labels = frame.finish(&root).unwrap().labels;
            let find = |text: &str| labels.iter().find(|l| l.text == text).map(Label::rect).unwrap();
            let (zero_x, zero_y) = (find("0%"), find("0"));
            assert!(zero_x.left - zero_y.right >= 2.0, "at {width}: {zero_y:?} and {zero_x:?}");
        }
    }
}
