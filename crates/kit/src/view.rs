//! The views the shared templates draw (`form_page`, links, a process's
//! dates), and the pieces every component's views are made of. Every page's
//! data is a `#[derive(Serialize)]` struct: a key the template names and the
//! view lacks fails in the component's template test
//! (`render::check_views`), not on a resident's screen.

use palabre_domain::Locale;
use serde::Serialize;

use crate::forms::Form;
use crate::i18n;

/// A component's views: each struct derives `Serialize`, and in the
/// component's tests `Deserialize` too, so that [`crate::sample`] can make
/// samples of it.
#[macro_export]
macro_rules! views {
    ($($item:item)*) => {
        $(
            #[derive(serde::Serialize)]
            #[cfg_attr(test, derive(serde::Deserialize))]
            $item
        )*
    };
}

/// The component's template test: every template rendered in strict mode
/// with samples of its view (`render::check_views`), e.g.
/// `template_test!(crate::TEMPLATES, { "discussions" => List, … });`.
#[macro_export]
macro_rules! template_test {
    ($templates:expr, { $($name:literal => $view:ty),+ $(,)? }) => {
        #[cfg(test)]
        #[test]
        fn every_template_renders_with_its_view() {
            let cases = [$($crate::render::Case::of::<$view>($name)),+];
            if let Err(problems) = $crate::render::check_views($templates, &cases) {
                panic!("{problems}");
            }
        }
    };
}

/// A link: its address and its words.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Link {
    pub href: String,
    pub label: String,
}

impl Link {
    pub fn new(href: impl Into<String>, label: impl Into<String>) -> Link {
        Link {
            href: href.into(),
            label: label.into(),
        }
    }

    /// A link labelled by the catalogue message `label_id`.
    pub fn to(locale: Locale, href: impl Into<String>, label_id: &str) -> Link {
        Link::new(href, i18n::t(locale, label_id))
    }
}

/// A link to something with a title (a process, a discussion).
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Titled {
    pub href: String,
    pub title: String,
}

/// A day as pages show it: ISO for `<time datetime>`, and written out.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Day {
    pub iso: String,
    pub text: String,
}

/// Where something open for a time stands (`participation::dates`).
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Dates {
    pub key: String,
    pub label: String,
    pub open: bool,
    pub opens: Day,
    pub closes: Day,
}

/// A status badge (`key` for its class, `label` for its words).
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Status {
    pub key: String,
    pub label: String,
}

/// The image an edit form shows above its file input.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Image {
    pub url: String,
    pub alt: String,
    pub width: i64,
    pub height: i64,
}

/// A record's translations, one link a language.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Translations {
    pub title: String,
    pub links: Vec<LangLink>,
}

#[derive(Serialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct LangLink {
    pub href: String,
    pub lang: String,
    pub label: String,
}

/// A table under a form (a process's phases…): the first cell links to the row.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Below {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
    pub empty: String,
    pub add: Option<Link>,
}

#[derive(Serialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Row {
    pub href: String,
    pub cells: Vec<String>,
}

/// A button that deletes what the form edits.
#[derive(Serialize, Clone, Debug, Default, PartialEq)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct Delete {
    pub action: String,
    pub label: String,
}

/// A page holding one form (`form_page.hbs`): what it posts to, its
/// fields, its button, and what may stand around them.
#[derive(Serialize, Clone, Debug, Default)]
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
pub struct FormPage {
    pub action: String,
    pub form: Form,
    pub submit: String,
    /// A red button (deleting, erasing).
    pub danger: bool,
    pub back: Option<Link>,
    /// "Saved", after a save.
    pub saved: Option<String>,
    pub intro: Option<String>,
    pub preview: Option<Link>,
    pub links: Vec<Link>,
    pub image: Option<Image>,
    pub translations: Option<Translations>,
    /// A token the form carries back (a reset link's).
    pub token: Option<String>,
    pub below: Option<Below>,
    pub delete: Option<Delete>,
    /// A location picker above the fields (`kit::map`).
    pub with_map: Option<crate::map::View>,
}

impl FormPage {
    pub fn new(action: impl Into<String>, form: Form, submit: impl Into<String>) -> FormPage {
        FormPage {
            action: action.into(),
            form,
            submit: submit.into(),
            ..FormPage::default()
        }
    }
}
