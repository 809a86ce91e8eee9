//! A code as people compare it with the paper: the box fingerprint (mã kiểm tra hòm phiếu) or
//! the minutes code (mã biên bản), each a SHA-256. The short form large (read aloud at closing
//! and printed on the minutes), the full digest in hex, and optionally a QR code of the full form
//! for a phone to read. The QR code is drawn by the `qrcode` crate as SVG.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CodePanelProps {
    /// The 16 grouped hex digits, e.g. `BoxFingerprint::short`.
    pub short: AttrValue,
    /// The 64 hex digits.
    pub full: AttrValue,
    /// What the short form is found by in tests (`fingerprint-short`, `minutes-code-short`).
    pub testid: AttrValue,
    pub heading: AttrValue,
    pub full_label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub qr: bool,
}

/// The QR code of `text` as inline SVG (black on white, with its quiet zone).
pub fn qr_svg(text: &str) -> Html {
    use qrcode::render::svg;
    match qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M) {
        Ok(code) => {
            let image = code
                .render::<svg::Color>()
                .min_dimensions(150, 150)
                .dark_color(svg::Color("#000"))
                .light_color(svg::Color("#fff"))
                .build();
            // Drop the XML declaration: the SVG goes inside HTML.
            let start = image.find("<svg").unwrap_or(0);
            Html::from_html_unchecked(AttrValue::from(image[start..].to_owned()))
        }
        // A 64-character hex string always fits a QR code; should it not, the text stands alone.
        Err(_) => html! {},
    }
}

#[function_component(CodePanel)]
pub fn code_panel(props: &CodePanelProps) -> Html {
    let full = props.full.clone();
    html! {
        <div class="fingerprint-panel">
            <div class="fingerprint-text">
                <p class="fingerprint-heading">{ props.heading.clone() }</p>
                <p class="fingerprint-short" data-testid={props.testid.clone()}>{ props.short.clone() }</p>
                if let Some(hint) = &props.hint {
                    <p class="fingerprint-hint">{ hint.clone() }</p>
                }
                <p class="fingerprint-full">
                    { format!("{}: ", props.full_label) }<span class="mono">{ full.clone() }</span>
                </p>
            </div>
            if props.qr {
                <div class="fingerprint-qr" aria-hidden="true">{ qr_svg(&full) }</div>
            }
        </div>
    }
}
