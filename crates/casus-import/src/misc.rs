//! Discard lists and TABARI `.options` files.
//!
//! A discard phrase becomes a cue of casus's discard rules (a sentence that
//! contains it is not coded). PETRARCH marks story-level discards with `+`;
//! casus discards sentences, so those apply to the sentence that has them
//! and are reported as converted with a loss. Options set TABARI's coder
//! (output format, complexity limits, code labels): casus has no dictionary
//! counterpart, so each line is reported.

use crate::names::strip_comment;
use crate::{FileCounts, Known, Reason, Skip};

fn skip(line: usize, reason: Reason, entry: &str) -> Skip {
    Skip {
        file: String::new(),
        line,
        reason,
        entry: entry.trim().to_string(),
    }
}

pub fn convert_discards(text: &str, skips: &mut Vec<Skip>, counts: &mut FileCounts) -> String {
    let mut sentence = Vec::new();
    let mut story = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let t = strip_comment(raw).trim();
        if t.is_empty() {
            continue;
        }
        counts.read += 1;
        let (is_story, phrase) = match t.strip_prefix('+') {
            Some(p) => (true, p.trim()),
            None => (false, t),
        };
        let cue = crate::names::words(phrase).join(" ");
        if let Some(c) = cue
            .chars()
            .find(|c| !(c.is_alphanumeric() || matches!(c, ' ' | '-' | '.' | '\'' | '&')))
        {
            skips.push(skip(i + 1, Reason::UnmatchableName(c.to_string()), raw));
            continue;
        }
        if cue.is_empty() {
            skips.push(skip(i + 1, Reason::Unreadable, raw));
            continue;
        }
        if is_story {
            skips.push(skip(i + 1, Reason::StoryDiscard, raw));
            if !story.contains(&cue) {
                story.push(cue);
            }
        } else if !sentence.contains(&cue) {
            sentence.push(cue);
        }
        counts.converted += 1;
    }
    let mut out = String::new();
    for (name, list) in [("imported-sentence", &sentence), ("imported-story", &story)] {
        if list.is_empty() {
            continue;
        }
        out.push_str(&format!("[{name}]\n"));
        for chunk in list.chunks(8) {
            out.push_str(&format!("cue: {}\n", chunk.join("; ")));
        }
        out.push('\n');
    }
    out
}

pub fn convert_options(text: &str, known: &Known, skips: &mut Vec<Skip>, counts: &mut FileCounts) {
    for (i, raw) in text.lines().enumerate() {
        let t = raw.trim();
        if t.is_empty() || t.starts_with("//") || t.starts_with('#') {
            continue;
        }
        counts.read += 1;
        if let Some(label) = t.strip_prefix("LABEL:") {
            let code = label.split('=').next().unwrap_or("").trim();
            if known.cameo.contains(code) {
                // casus already names this code in its own table.
                counts.converted += 1;
            } else {
                skips.push(skip(i + 1, Reason::UnknownLabel(code.to_string()), raw));
            }
            continue;
        }
        skips.push(skip(i + 1, Reason::CoderOption, raw));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discards_keep_sentence_and_story_cues_apart() {
        let text = "# header\n1066\nCROQUET FINAL # a comment\n+ GRAND_TEA_PARTY\nBAD/CUE\n";
        let mut skips = Vec::new();
        let mut counts = FileCounts::default();
        let out = convert_discards(text, &mut skips, &mut counts);
        assert_eq!(out, "[imported-sentence]\ncue: 1066; croquet final\n\n[imported-story]\ncue: grand tea party\n\n");
        let got: Vec<(usize, &str)> = skips.iter().map(|s| (s.line, s.reason.key())).collect();
        assert_eq!(
            got,
            [
                (4, "story-level discard applied per sentence"),
                (5, "name with characters casus cannot match")
            ]
        );
        assert_eq!((counts.read, counts.converted), (4, 3));
    }

    #[test]
    fn options_are_reported_and_known_labels_counted() {
        let text =
            "COMPLEX: VERBS[6]\n// comment\nLABEL: 042= Make a visit\nLABEL: 999= Invented\n";
        let mut skips = Vec::new();
        let mut counts = FileCounts::default();
        convert_options(text, &Known::builtin(), &mut skips, &mut counts);
        let got: Vec<(usize, &str)> = skips.iter().map(|s| (s.line, s.reason.key())).collect();
        assert_eq!(
            got,
            [(1, "coder option"), (4, "label for a code casus lacks")]
        );
        assert_eq!((counts.read, counts.converted), (3, 1));
    }
}
