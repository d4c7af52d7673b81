//! Typed CAMEO codes: the one place that knows how an actor code splits into
//! its country (or transnational organisation) and roles, and how an event
//! code gives its root. Codes stay strings in [`crate::Event`] (the JSON
//! contract); these are views over them.
//!
//! What the split needs to know, and the role codes the coder gives by
//! default, are data: `dict/actors/codes.txt` ([`CodeTable`]), read from the
//! built-in file because views are taken where no pipeline is at hand.

use crate::dict::{parse_blocks, DictError, Source};
use std::sync::OnceLock;

/// The path of the actor-code table among the dictionary files.
pub const TABLE_FILE: &str = "actors/codes.txt";

/// A decision in which the coder gives a role that no word of the sentence
/// names; `dict/actors/codes.txt` says which role (`default:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleDefault {
    /// A capital that acts, a seat of government, a person without a dated
    /// office, the implied target of a protest.
    Government,
    /// A person after their last dated office.
    FormerOfficial,
    /// The role whose nouns also name weapons ("tanks from Denmark").
    Equipment,
    /// Codes with this role are groups a description may refer back to.
    ArmedGroup,
}

impl RoleDefault {
    const ALL: [RoleDefault; 4] = [
        RoleDefault::Government,
        RoleDefault::FormerOfficial,
        RoleDefault::Equipment,
        RoleDefault::ArmedGroup,
    ];

    /// The decision's name in the file.
    pub fn name(self) -> &'static str {
        match self {
            RoleDefault::Government => "government",
            RoleDefault::FormerOfficial => "former-official",
            RoleDefault::Equipment => "equipment",
            RoleDefault::ArmedGroup => "armed-group",
        }
    }
}

/// The actor-code table of `dict/actors/codes.txt`: transnational prefixes,
/// role labels, and the role of each [`RoleDefault`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeTable {
    transnational: Vec<String>,
    /// World regions that code like a country (`EUR`, `WAF`): `EURGOV` is
    /// "European governments", but a region is no country of a sentence.
    regions: Vec<String>,
    labels: Vec<(String, String)>,
    defaults: [String; 4],
}

/// The header of the block that lists transnational prefixes.
const TRANSNATIONAL_HEADER: &str = "transnational";
/// The header of the block that lists region codes.
const REGIONS_HEADER: &str = "regions";

fn is_three_capitals(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

impl CodeTable {
    /// Reads and checks a table; every error names the file and line. Every
    /// decision must have exactly one role, every role a label.
    pub fn parse(source: &Source) -> Result<CodeTable, DictError> {
        let blocks = parse_blocks(source, &["prefix", "region", "label", "default"])?;
        let mut table = CodeTable::default();
        let mut errors = Vec::new();
        let mut given: [Option<usize>; 4] = [None; 4];
        for block in &blocks {
            if block.header == TRANSNATIONAL_HEADER {
                for field in block.fields.iter().filter(|f| f.name != "prefix") {
                    errors.push(source.error(
                        field.line,
                        format!(
                            "`{}:` belongs in a role block, not [{TRANSNATIONAL_HEADER}]",
                            field.name
                        ),
                    ));
                }
                for (prefix, line) in block.values("prefix") {
                    if is_three_capitals(prefix) {
                        table.transnational.push(prefix.to_string());
                    } else {
                        errors.push(source.error(
                            line,
                            format!("`{prefix}` is not a three-letter code prefix"),
                        ));
                    }
                }
                continue;
            }
            if block.header == REGIONS_HEADER {
                for field in block.fields.iter().filter(|f| f.name != "region") {
                    errors.push(source.error(
                        field.line,
                        format!("`{}:` does not belong in [{REGIONS_HEADER}]", field.name),
                    ));
                }
                for (code, line) in block.values("region") {
                    if is_three_capitals(code) {
                        table.regions.push(code.to_string());
                    } else {
                        errors.push(
                            source
                                .error(line, format!("`{code}` is not a three-letter region code")),
                        );
                    }
                }
                continue;
            }
            if !is_three_capitals(&block.header) {
                errors.push(source.error(
                    block.line,
                    format!(
                        "`[{}]` is neither [{TRANSNATIONAL_HEADER}] nor a three-letter role code",
                        block.header
                    ),
                ));
                continue;
            }
            if let Some(field) = block.fields.iter().find(|f| f.name == "prefix") {
                errors.push(source.error(
                    field.line,
                    format!("`prefix:` belongs in [{TRANSNATIONAL_HEADER}]"),
                ));
            }
            if let Some(field) = block.fields.iter().find(|f| f.name == "region") {
                errors.push(source.error(
                    field.line,
                    format!("`region:` belongs in [{REGIONS_HEADER}]"),
                ));
            }
            let labels: Vec<_> = block.values("label").collect();
            match labels.as_slice() {
                [(label, _)] => table.labels.push((block.header.clone(), label.to_string())),
                [] => errors.push(source.error(
                    block.line,
                    format!("role `{}` has no `label:`", block.header),
                )),
                [_, (_, line), ..] => errors.push(source.error(
                    *line,
                    format!("role `{}` has more than one label", block.header),
                )),
            }
            for (name, line) in block.values("default") {
                let Some(k) = RoleDefault::ALL.iter().position(|d| d.name() == name) else {
                    let known: Vec<_> = RoleDefault::ALL.iter().map(|d| d.name()).collect();
                    errors.push(source.error(
                        line,
                        format!("unknown default `{name}` (known: {})", known.join(", ")),
                    ));
                    continue;
                };
                if let Some(first) = given[k] {
                    errors.push(source.error(
                        line,
                        format!("default `{name}` was already given to a role on line {first}"),
                    ));
                    continue;
                }
                given[k] = Some(line);
                table.defaults[k] = block.header.clone();
            }
        }
        for (k, d) in RoleDefault::ALL.iter().enumerate() {
            if given[k].is_none() {
                errors.push(DictError::File {
                    file: source.name.clone(),
                    message: format!("no role has `default: {}`", d.name()),
                });
            }
        }
        if table.transnational.is_empty() {
            errors.push(DictError::File {
                file: source.name.clone(),
                message: format!("[{TRANSNATIONAL_HEADER}] lists no `prefix:`"),
            });
        }
        DictError::collect(errors)?;
        Ok(table)
    }

    /// The role code the coder gives in decision `d`.
    pub fn role(&self, d: RoleDefault) -> &str {
        &self.defaults[d as usize]
    }

    /// A role code's English label, for actor names.
    pub fn label(&self, role: &str) -> Option<&str> {
        self.labels
            .iter()
            .find(|(code, _)| code == role)
            .map(|(_, label)| label.as_str())
    }

    /// Whether `code` starts with a region code (`EUR`, `EURGOV`).
    pub fn is_region(&self, code: &str) -> bool {
        code.get(..3)
            .is_some_and(|c| self.regions.iter().any(|r| r == c))
    }

    /// Whether `code` starts with a transnational prefix.
    pub fn is_transnational(&self, code: &str) -> bool {
        self.transnational
            .iter()
            .any(|p| code.starts_with(p.as_str()))
    }
}

/// The built-in table, read once per process. The pipeline checks the same
/// file line by line when it is built and refuses to start if it is wrong;
/// a table that does not parse is empty here rather than a panic.
pub fn table() -> &'static CodeTable {
    static TABLE: OnceLock<CodeTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        builtin_source()
            .and_then(|s| CodeTable::parse(&s).ok())
            .unwrap_or_default()
    })
}

fn builtin_source() -> Option<Source> {
    crate::builtin::FILES
        .iter()
        .find(|(name, _)| *name == TABLE_FILE)
        .map(|(name, text)| Source::new(*name, *text))
}

/// Checks the actor-code files among a pipeline's sources: the built-in
/// table must parse, and no other file may claim its place, since the
/// built-in table is the one code views read.
pub fn check_sources<'a>(sources: impl IntoIterator<Item = &'a Source>) -> Vec<DictError> {
    let builtin = builtin_source();
    let mut errors = Vec::new();
    for source in sources {
        let is_builtin = builtin
            .as_ref()
            .is_some_and(|b| b.name == source.name && b.text == source.text);
        if !is_builtin {
            errors.push(DictError::File {
                file: source.name.clone(),
                message: format!(
                    "the actor-code table is built in (code views read it where no dictionary is at hand); edit dict/{TABLE_FILE} in the source tree and rebuild"
                ),
            });
        } else if let Err(e) = CodeTable::parse(source) {
            errors.extend(e.all());
        }
    }
    errors
}

/// The role code the coder gives in decision `d` (the built-in table).
pub fn role(d: RoleDefault) -> &'static str {
    table().role(d)
}

/// An actor code such as `RUS`, `RUSMIL`, `IGOUNO` or `NGOHRI`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorCode<'a>(pub &'a str);

impl<'a> ActorCode<'a> {
    /// An organisation or group that belongs to no country.
    pub fn is_transnational(self) -> bool {
        table().is_transnational(self.0)
    }

    /// A world region (`EUR`, `WAFMIL`): coded like a country, but never
    /// the country a sentence or document is about.
    pub fn is_region(self) -> bool {
        table().is_region(self.0)
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
    fn region_codes_split_like_countries_and_are_regions() {
        for code in ["EURGOV", "WAFMIL", "WST", "PGS"] {
            assert!(ActorCode(code).is_region(), "{code}");
        }
        assert_eq!(ActorCode("EURGOV").country(), Some("EUR"));
        assert_eq!(ActorCode("EURGOV").roles(), "GOV");
        for code in ["RUSGOV", "IGOEUREEC", "EU"] {
            assert!(!ActorCode(code).is_region(), "{code}");
        }
    }

    #[test]
    fn the_builtin_table_parses_and_gives_every_default() {
        let source = builtin_source().expect("actors/codes.txt is built in");
        let table = CodeTable::parse(&source).expect("the built-in table parses");
        assert_eq!(&table, super::table());
        assert_eq!(table.role(RoleDefault::Government), "GOV");
        assert_eq!(table.role(RoleDefault::FormerOfficial), "ELI");
        assert_eq!(table.role(RoleDefault::Equipment), "MIL");
        assert_eq!(table.role(RoleDefault::ArmedGroup), "REB");
        assert_eq!(table.label("MIL"), Some("military"));
        assert_eq!(table.label("XYZ"), None);
        assert!(table.is_transnational("IMGMOSISI"));
        assert!(!table.is_transnational("IRNGOV"));
    }

    #[test]
    fn a_table_that_moves_a_default_moves_the_role() {
        let text = "[transnational]\nprefix: IGO\n[GOV]\nlabel: government\n\
                    default: former-official\n[ELI]\nlabel: elites\ndefault: government\n\
                    [MIL]\nlabel: military\ndefault: equipment; armed-group\n";
        let table = CodeTable::parse(&Source::new("actors/codes.txt", text)).unwrap();
        assert_eq!(table.role(RoleDefault::Government), "ELI");
        assert_eq!(table.role(RoleDefault::FormerOfficial), "GOV");
        assert_eq!(table.role(RoleDefault::ArmedGroup), "MIL");
        assert!(!table.is_transnational("NGOAMN"));
    }

    #[test]
    fn table_errors_name_file_and_line() {
        let full = "[transnational]\nprefix: IGO\n[GOV]\nlabel: government\ndefault: government; former-official; equipment; armed-group\n";
        // (text, the error's expected start)
        let cases = [
            ("[transnational]\nprefix: IG\n[GOV]\nlabel: g\ndefault: government; former-official; equipment; armed-group\n", "x/codes.txt:2: `IG` is not"),
            ("[transnational]\nprefix: IGO\n[Gov]\nlabel: g\n", "x/codes.txt:3: `[Gov]` is neither"),
            ("[transnational]\nprefix: IGO\n[GOV]\nlabel: g\ndefault: goverment\n", "x/codes.txt:5: unknown default `goverment`"),
            ("[transnational]\nprefix: IGO\n[GOV]\ndefault: government; former-official; equipment; armed-group\n", "x/codes.txt:3: role `GOV` has no `label:`"),
            ("[transnational]\nprefix: IGO\n[GOV]\nlabel: g\ndefault: government; former-official; equipment; armed-group\n[MIL]\nlabel: m\ndefault: equipment\n", "x/codes.txt:8: default `equipment` was already given to a role on line 5"),
            ("[transnational]\nprefix: IGO\nlabel: t\n[GOV]\nlabel: g\ndefault: government; former-official; equipment; armed-group\n", "x/codes.txt:3: `label:` belongs in a role block"),
            ("[transnational]\nprefix: IGO\n[GOV]\nlabel: g\n", "x/codes.txt: no role has `default: government`"),
            ("[GOV]\nlabel: g\ndefault: government; former-official; equipment; armed-group\n", "x/codes.txt: [transnational] lists no `prefix:`"),
            ("[transnational]\nprefix: IGO\n[GOV]\nlabel: g\ncolour: red\n", "x/codes.txt:5: unknown field `colour`"),
            ("[transnational]\nprefix: IGO\n[regions]\nregion: EU\n[GOV]\nlabel: g\ndefault: government; former-official; equipment; armed-group\n", "x/codes.txt:4: `EU` is not a three-letter region code"),
            ("[transnational]\nprefix: IGO\n[regions]\nlabel: r\n[GOV]\nlabel: g\ndefault: government; former-official; equipment; armed-group\n", "x/codes.txt:4: `label:` does not belong in [regions]"),
            ("[transnational]\nprefix: IGO\n[GOV]\nlabel: g\nregion: EUR\ndefault: government; former-official; equipment; armed-group\n", "x/codes.txt:5: `region:` belongs in [regions]"),
        ];
        assert!(CodeTable::parse(&Source::new("x/codes.txt", full)).is_ok());
        for (text, expected) in cases {
            let err = CodeTable::parse(&Source::new("x/codes.txt", text)).unwrap_err();
            let all: Vec<String> = err.all().iter().map(|e| e.to_string()).collect();
            assert!(
                all.iter().any(|e| e.starts_with(expected)),
                "{text:?}: expected `{expected}`, got {all:?}"
            );
        }
    }

    #[test]
    fn only_the_builtin_table_may_be_among_the_sources() {
        let builtin = builtin_source().unwrap();
        assert!(check_sources([&builtin]).is_empty());
        let user = Source::new("mine/actors/codes.txt", builtin.text.clone());
        let errors = check_sources([&user]);
        assert_eq!(errors.len(), 1);
        assert!(errors[0]
            .to_string()
            .starts_with("mine/actors/codes.txt: the actor-code table is built in"));
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
