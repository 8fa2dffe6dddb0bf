//! Where the user is, kept in the URL's hash so that reload and the back button restore the
//! view. Hash routes need no server rewrite rules, so dist/ works on any static host and under
//! any sub-path; a hand-written parser costs far less than leptos_router's 56 KB.

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    #[default]
    List,
    New,
    Fiche(String),
    Edit(String),
    Settings,
    /// The import and export page (its address stays `#/files`, as bookmarked).
    ImportExport,
}

impl Route {
    /// Parses a location hash such as `#/fiche/<id>`; anything unknown is the list.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("new"), None, _) => Route::New,
            (Some("settings"), None, _) => Route::Settings,
            (Some("files"), None, _) => Route::ImportExport,
            (Some("fiche"), Some(id), None) if !id.is_empty() => Route::Fiche(id.to_string()),
            (Some("fiche"), Some(id), Some("edit")) if !id.is_empty() => {
                Route::Edit(id.to_string())
            }
            _ => Route::List,
        }
    }

    pub fn to_hash(&self) -> String {
        match self {
            Route::List => "#/".to_string(),
            Route::New => "#/new".to_string(),
            Route::Fiche(id) => format!("#/fiche/{id}"),
            Route::Edit(id) => format!("#/fiche/{id}/edit"),
            Route::Settings => "#/settings".to_string(),
            Route::ImportExport => "#/files".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_survives_its_hash() {
        for r in [
            Route::List,
            Route::New,
            Route::Settings,
            Route::ImportExport,
            Route::Fiche("a-b".into()),
            Route::Edit("a-b".into()),
        ] {
            assert_eq!(Route::parse(&r.to_hash()), r);
        }
    }

    #[test]
    fn unknown_hashes_fall_back_to_the_list() {
        assert_eq!(Route::parse(""), Route::List);
        assert_eq!(Route::parse("#/nope/x/y/z"), Route::List);
        assert_eq!(Route::parse("#/fiche/"), Route::List);
    }
}
