//! Typed CAMEO codes: the one place that knows how an actor code splits into
//! its country (or transnational organisation) and roles, and how an event
//! code gives its root. Codes stay strings in [`crate::Event`] (the JSON
//! contract); these are views over them.

/// Prefixes of actor codes that name no country: intergovernmental and
/// non-governmental organisations and international militarised groups.
const TRANSNATIONAL: &[&str] = &["IGO", "NGO", "IMG"];

/// An actor code such as `RUS`, `RUSMIL`, `IGOUNO` or `NGOHRI`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorCode<'a>(pub &'a str);

impl<'a> ActorCode<'a> {
    /// An organisation or group that belongs to no country.
    pub fn is_transnational(self) -> bool {
        TRANSNATIONAL.iter().any(|p| self.0.starts_with(p))
    }

    /// The country part (`RUS` of `RUSMIL`); none for transnational codes.
    pub fn country(self) -> Option<&'a str> {
        (!self.is_transnational() && self.0.len() >= 3).then(|| &self.0[..3])
    }

    /// The party that owns the code: its country, or the whole code of a
    /// transnational organisation (`IGOUNO`), or a short code as it is.
    pub fn owner(self) -> &'a str {
        self.country().unwrap_or(self.0)
    }

    /// The role part (`MIL` of `RUSMIL`; empty for a bare country and for
    /// transnational codes, whose letters after the prefix name the
    /// organisation, not a role).
    pub fn roles(self) -> &'a str {
        match self.country() {
            Some(_) => &self.0[3..],
            None => "",
        }
    }
}

/// An event code such as `190`, `0332` or `1411`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventCode<'a>(pub &'a str);

impl<'a> EventCode<'a> {
    /// The CAMEO root: the first two digits.
    pub fn root(self) -> &'a str {
        self.0.get(..2).unwrap_or(self.0)
    }

    /// Whether the root is one of `roots`.
    pub fn root_in(self, roots: &[&str]) -> bool {
        roots.contains(&self.root())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_codes_split_into_country_and_roles() {
        assert_eq!(ActorCode("RUSMIL").country(), Some("RUS"));
        assert_eq!(ActorCode("RUSMIL").roles(), "MIL");
        assert_eq!(ActorCode("RUSGOVMIL").roles(), "GOVMIL");
        assert_eq!(ActorCode("RUS").roles(), "");
        assert_eq!(ActorCode("RUS").owner(), "RUS");
    }

    #[test]
    fn transnational_codes_have_no_country_and_own_themselves() {
        for code in ["IGOUNO", "NGOHRI", "IMGMUSISI", "IGOWSTNAT"] {
            let c = ActorCode(code);
            assert!(c.is_transnational(), "{code}");
            assert_eq!(c.country(), None, "{code}");
            assert_eq!(c.owner(), code);
            assert_eq!(c.roles(), "", "{code}");
        }
        // a short code is its own owner and has no country
        assert_eq!(ActorCode("EU").country(), None);
        assert_eq!(ActorCode("EU").owner(), "EU");
    }

    #[test]
    fn event_codes_give_their_root() {
        assert_eq!(EventCode("0332").root(), "03");
        assert_eq!(EventCode("190").root(), "19");
        assert!(EventCode("1411").root_in(&["14", "17"]));
        assert!(!EventCode("141").root_in(&["10"]));
        assert_eq!(EventCode("1").root(), "1");
    }
}
