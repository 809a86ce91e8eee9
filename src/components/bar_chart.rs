//! A horizontal bar chart in SVG for the results: one bar per option, each measured against the
//! **total electorate** (the full width of the frame is 100% of all households), so a bar that
//! looks like two-thirds is two-thirds of the village. Readable on a projector and in black and
//! white print: every bar has its own pattern and an outline, and carries its label, count and
//! percentage in text; colour is never the only difference.

use yew::prelude::*;

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: AttrValue,
    /// "8 · 66,67%": the count and the share as the page shows them.
    pub value: AttrValue,
    /// The share of the total electorate in hundredths of a percent (0..=10 000).
    pub basis_points: u64,
}

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    /// Unique on the page: prefixes the pattern ids.
    pub id: AttrValue,
    /// What the chart shows, for screen readers (the table beside it has the numbers).
    pub caption: AttrValue,
    pub bars: Vec<Bar>,
    /// A threshold line, e.g. (6667, "2/3") for a two-thirds rule.
    #[prop_or_default]
    pub marker: Option<(u64, AttrValue)>,
}

// Narrow on purpose: the chart scales to its column, so a narrow drawing keeps its words
// large on a phone, and on a projector the column is wide and the words larger still.
const WIDTH: u64 = 440;
const FRAME: u64 = 436;
const ROW: u64 = 84;
const TOP: u64 = 30;
/// Patterns in order of how dark they print: solid, hatch, cross-hatch, dots, horizontal lines.
const PATTERNS: usize = 5;

fn pattern(id: &str, n: usize) -> Html {
    let pid = format!("{id}-p{n}");
    let ink = "#111";
    match n {
        0 => html! {
            <pattern id={pid} width="8" height="8" patternUnits="userSpaceOnUse">
                <rect width="8" height="8" fill={ink} />
            </pattern>
        },
        1 => html! {
            <pattern id={pid} width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="10" height="10" fill="#fff" />
                <rect width="5" height="10" fill={ink} />
            </pattern>
        },
        2 => html! {
            <pattern id={pid} width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="10" height="10" fill="#fff" />
                <rect width="3" height="10" fill={ink} />
                <rect width="10" height="3" fill={ink} />
            </pattern>
        },
        3 => html! {
            <pattern id={pid} width="10" height="10" patternUnits="userSpaceOnUse">
                <rect width="10" height="10" fill="#fff" />
                <circle cx="5" cy="5" r="2.6" fill={ink} />
            </pattern>
        },
        _ => html! {
            <pattern id={pid} width="8" height="8" patternUnits="userSpaceOnUse">
                <rect width="8" height="8" fill="#fff" />
                <rect width="8" height="3" fill={ink} />
            </pattern>
        },
    }
}

#[function_component(BarChart)]
pub fn bar_chart(props: &BarChartProps) -> Html {
    let id = props.id.as_str();
    let height = TOP + ROW * props.bars.len() as u64;
    let x_of = |bp: u64| bp.min(10_000) * FRAME / 10_000;
    html! {
        <svg class="bar-chart" viewBox={format!("0 0 {WIDTH} {height}")} role="img"
             aria-label={props.caption.clone()} preserveAspectRatio="xMinYMin meet">
            <defs>{ for (0..PATTERNS).map(|n| pattern(id, n)) }</defs>
            <text x="0" y="20" class="bar-axis">{ "0%" }</text>
            <text x={FRAME.to_string()} y="20" class="bar-axis" text-anchor="end">{ "100%" }</text>
            { for props.bars.iter().enumerate().map(|(i, bar)| {
                let y = TOP + ROW * i as u64;
                let last = i + 1 == props.bars.len() && props.bars.len() > 1;
                // The last bar is the blanks: left white, so it never looks like an option.
                let fill = if last { "#fff".to_owned() } else { format!("url(#{id}-p{})", i % PATTERNS) };
                html! {
                    <g>
                        <text x="0" y={(y + 26).to_string()} class="bar-label">{ bar.label.clone() }</text>
                        <rect x="1" y={(y + 38).to_string()} width={FRAME.to_string()} height="36"
                              fill="#fff" stroke="#777" stroke-width="2" />
                        <rect x="1" y={(y + 38).to_string()} width={x_of(bar.basis_points).to_string()} height="36"
                              fill={fill} stroke="#111" stroke-width="3" />
                        <text x={WIDTH.to_string()} y={(y + 26).to_string()} text-anchor="end"
                              class="bar-value">{ bar.value.clone() }</text>
                    </g>
                }
            }) }
            if let Some((bp, label)) = &props.marker {
                <line x1={x_of(*bp).to_string()} x2={x_of(*bp).to_string()} y1="26" y2={height.to_string()}
                      stroke="#111" stroke-width="3" stroke-dasharray="8 6" />
                <text x={(x_of(*bp) + 6).to_string()} y="20" class="bar-axis bar-marker">{ label.clone() }</text>
            }
        </svg>
    }
}
