//! Stage `places`: each event gets the most specific place its sentence
//! supports, from the gazetteer (rules in [`crate::locate`]); the rule that
//! chose it is kept on the place.

use super::Stage;
use crate::doc::{Doc, Layer};
use crate::Pipeline;

pub struct Places;

impl Stage for Places {
    fn name(&self) -> &'static str {
        "places"
    }
    fn needs(&self) -> &'static [Layer] {
        &[Layer::Merged]
    }
    fn adds(&self) -> &'static [Layer] {
        &[Layer::Places]
    }
    fn run(&self, p: &Pipeline, doc: &mut Doc) {
        crate::locate::locate(
            &p.gazetteer,
            &p.rules.code_sets,
            doc.source,
            &mut doc.events,
        );
    }
}
