//! What a committed write changed, and how the other tabs are told ([`notify`]): a leaf that
//! every action uses, apart from [`super::sync`], which listens.

use std::cell::RefCell;

use wasm_bindgen::JsValue;
use web_sys::BroadcastChannel;

/// The channel's name, shared by every tab of the origin.
pub const CHANNEL: &str = "carnet";

/// What a committed write changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// These fiches were saved or deleted, or their history (and so their summary) changed.
    Fiches { ids: Vec<String> },
    /// The custom field definitions changed, and with them the values of these fiches.
    Fields { ids: Vec<String> },
    /// Many fiches at once (demo data, an import, a restore): read the whole file again.
    All,
    /// A setting in `meta`, such as the time of the last backup.
    Meta,
}

impl Change {
    /// One fiche saved, deleted, or with its history changed.
    pub fn fiche(id: &str) -> Change {
        Change::Fiches {
            ids: vec![id.to_string()],
        }
    }

    /// Whether fiche `id` may have changed (a page showing it must read it again).
    pub fn touches(&self, id: &str) -> bool {
        match self {
            Change::Fiches { ids } | Change::Fields { ids } => ids.iter().any(|i| i == id),
            Change::All => true,
            Change::Meta => false,
        }
    }

    /// The message: a word, then one id per line (`"fiches\n<id>\n<id>"`). Written by hand
    /// rather than with serde: a tagged enum through serde_json costs kilobytes of wasm.
    pub fn encode(&self) -> String {
        let (word, ids): (&str, &[String]) = match self {
            Change::Fiches { ids } => ("fiches", ids),
            Change::Fields { ids } => ("fields", ids),
            Change::All => ("all", &[]),
            Change::Meta => ("meta", &[]),
        };
        let mut out = word.to_string();
        for id in ids {
            out.push('\n');
            out.push_str(id);
        }
        out
    }

    /// A message this version cannot read (from a newer Carnet) counts as "everything changed".
    pub fn decode(message: &str) -> Change {
        let mut lines = message.split('\n');
        let word = lines.next().unwrap_or_default();
        let ids = || lines.clone().map(str::to_string).collect();
        match word {
            "fiches" => Change::Fiches { ids: ids() },
            "fields" => Change::Fields { ids: ids() },
            "meta" => Change::Meta,
            _ => Change::All,
        }
    }
}

thread_local! {
    static CHANNEL_HANDLE: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

/// Keeps the channel this tab joined, for [`notify`] to post on.
pub(super) fn set_channel(channel: BroadcastChannel) {
    CHANNEL_HANDLE.with(|c| *c.borrow_mut() = Some(channel));
}

/// Tells the other tabs that `change` was committed. Call it after every write to the file
/// (imports included); it does nothing where BroadcastChannel is missing, and this tab's own
/// memory is the caller's business.
pub fn notify(change: Change) {
    if change != Change::Meta {
        super::snapshot::schedule(super::snapshot::AFTER_CHANGE);
    }
    CHANNEL_HANDLE.with(|c| {
        if let Some(channel) = c.borrow().as_ref() {
            // Fails only once the channel is closed (the page is going away).
            let _ = channel.post_message(&JsValue::from_str(&change.encode()));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_survive_the_channel() {
        for c in [
            Change::fiche("a"),
            Change::Fiches { ids: Vec::new() },
            Change::Fields {
                ids: vec!["a".into(), "b-c d".into()],
            },
            Change::All,
            Change::Meta,
        ] {
            assert_eq!(Change::decode(&c.encode()), c);
        }
        assert_eq!(Change::fiche("x").encode(), "fiches\nx");
    }

    #[test]
    fn an_unreadable_message_means_everything_changed() {
        assert_eq!(Change::decode("segments\nx"), Change::All);
        assert_eq!(Change::decode(""), Change::All);
    }

    #[test]
    fn touches_names_the_fiches_concerned() {
        assert!(Change::fiche("a").touches("a"));
        assert!(!Change::fiche("a").touches("b"));
        assert!(Change::All.touches("b"));
        assert!(!Change::Meta.touches("a"));
    }
}
