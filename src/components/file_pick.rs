//! A file input that looks like the app (issue 19, item 7): a large button in the page's
//! language ("Chọn tệp…") instead of the browser's own "Choose File", which most browsers write
//! in English. The real `<input type="file">` lies invisible over the button, so a tap anywhere
//! on it opens the picker, the keyboard reaches it, and its label stays the field's name.

use phieu_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilePickProps {
    pub lang: Lang,
    pub id: AttrValue,
    /// The input's `accept` list.
    pub accept: AttrValue,
    #[prop_or_default]
    pub multiple: bool,
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
    pub onchange: Callback<Event>,
}

#[function_component(FilePick)]
pub fn file_pick(props: &FilePickProps) -> Html {
    let t = crate::i18n::strings(props.lang);
    let face = if props.multiple {
        t.choose_files
    } else {
        t.choose_file
    };
    html! {
        <span class="file-pick">
            <span class="button button-secondary file-pick-face" aria-hidden="true">{ face }</span>
            <input id={props.id.clone()} class="file-pick-input" type="file" accept={props.accept.clone()}
                   multiple={props.multiple} aria-describedby={props.describedby.clone()}
                   onchange={props.onchange.clone()} />
        </span>
    }
}
