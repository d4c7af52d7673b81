//! Stage `names`: each event's source and target get the name their code
//! has in the dictionaries ("Russia", "NATO"), for records and exports
//! that readers take in by name rather than by code (rules in [`crate::names`]).

use super::Stage;
use crate::doc::{Doc, Layer};
use crate::Pipeline;

pub struct Names;

impl Stage for Names {
    fn name(&self) -> &'static str {
        "names"
    }
    fn needs(&self) -> &'static [Layer] {
        &[Layer::Merged]
    }
    fn adds(&self) -> &'static [Layer] {
        &[Layer::Names]
    }
    fn run(&self, p: &Pipeline, doc: &mut Doc) {
        crate::names::fill_names(p, &mut doc.events);
    }
}
