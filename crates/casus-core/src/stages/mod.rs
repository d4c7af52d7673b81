//! The pipeline's named stages over a [`Doc`]. Each stage declares the
//! layers it needs and the layers it adds; [`STAGES`] is the order, in one
//! place, and [`check_order`] rejects an order in which a stage needs a layer
//! that no earlier stage adds (run when a `Pipeline` is built).
//!
//! Stages hold no language data: words and code sets come from the
//! pipeline's dictionaries, so a second language changes data, not stages.

pub mod arguments;
pub mod events;
pub mod mentions;
pub mod merge;
pub mod names;
pub mod parse;
pub mod places;
pub mod predicates;
pub mod screen;
pub mod segment;
pub mod tree_events;

use crate::doc::{Doc, Layer};
use crate::Pipeline;
use thiserror::Error;

/// One named step of the pipeline.
pub trait Stage: Sync + Send {
    fn name(&self) -> &'static str;
    /// Layers that must exist before the stage runs.
    fn needs(&self) -> &'static [Layer];
    /// Layers the stage adds to the Doc.
    fn adds(&self) -> &'static [Layer];
    fn run(&self, p: &Pipeline, doc: &mut Doc);
}

/// The pipeline, in order.
pub const STAGES: &[&dyn Stage] = &[
    &segment::Segment,
    &screen::Screen,
    &mentions::Mentions,
    &predicates::Predicates,
    &arguments::Arguments,
    &events::Events,
    &parse::Parse,
    &tree_events::TreeEvents,
    &merge::Merge,
    &names::Names,
    &places::Places,
];

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum StageError {
    #[error("stage `{stage}` needs the `{layer}` layer, which no earlier stage adds")]
    Missing {
        stage: &'static str,
        layer: &'static str,
    },
    #[error("stage `{stage}` adds the `{layer}` layer, which an earlier stage already added")]
    Twice {
        stage: &'static str,
        layer: &'static str,
    },
}

/// Checks that each stage's needs are added by an earlier stage, and that
/// no layer is added twice (two stages writing one layer would make the
/// order matter silently).
pub fn check_order(stages: &[&dyn Stage]) -> Result<(), StageError> {
    let mut have: Vec<Layer> = Vec::new();
    for s in stages {
        if let Some(l) = s.needs().iter().find(|l| !have.contains(l)) {
            return Err(StageError::Missing {
                stage: s.name(),
                layer: l.name(),
            });
        }
        for &l in s.adds() {
            if have.contains(&l) {
                return Err(StageError::Twice {
                    stage: s.name(),
                    layer: l.name(),
                });
            }
            have.push(l);
        }
    }
    Ok(())
}

/// Runs every stage over the Doc, in order.
pub fn run_all(p: &Pipeline, doc: &mut Doc) {
    for s in STAGES {
        debug_assert!(s.needs().iter().all(|&l| doc.has(l)), "{}", s.name());
        s.run(p, doc);
        for &l in s.adds() {
            doc.mark(l);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake(&'static str, &'static [Layer], &'static [Layer]);

    impl Stage for Fake {
        fn name(&self) -> &'static str {
            self.0
        }
        fn needs(&self) -> &'static [Layer] {
            self.1
        }
        fn adds(&self) -> &'static [Layer] {
            self.2
        }
        fn run(&self, _: &Pipeline, _: &mut Doc) {}
    }

    #[test]
    fn the_built_in_order_is_valid() {
        assert_eq!(check_order(STAGES), Ok(()));
        let names: Vec<&str> = STAGES.iter().map(|s| s.name()).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "stage names are unique");
    }

    #[test]
    fn a_stage_before_its_needs_is_an_error() {
        let tokens = Fake("segment", &[], &[Layer::Tokens]);
        let tags = Fake("parse", &[Layer::Tokens], &[Layer::Tags]);
        assert_eq!(check_order(&[&tokens, &tags]), Ok(()));
        assert_eq!(
            check_order(&[&tags, &tokens]),
            Err(StageError::Missing {
                stage: "parse",
                layer: "tokens"
            })
        );
        // the real order, shuffled: the parser moved before the mentions
        let mut order: Vec<&dyn Stage> = STAGES.to_vec();
        let parse = order.iter().position(|s| s.name() == "parse").unwrap();
        let stage = order.remove(parse);
        order.insert(1, stage);
        assert!(matches!(
            check_order(&order),
            Err(StageError::Missing { stage: "parse", .. })
        ));
    }

    #[test]
    fn a_layer_added_twice_is_an_error() {
        let a = Fake("a", &[], &[Layer::Tokens]);
        let b = Fake("b", &[], &[Layer::Tokens]);
        assert_eq!(
            check_order(&[&a, &b]),
            Err(StageError::Twice {
                stage: "b",
                layer: "tokens"
            })
        );
    }
}
