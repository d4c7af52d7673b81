//! `casus parse`: its CoNLL-U output is valid (10 columns, ids 1..n, one
//! root, heads in range, no cycles) and the built-in model gets the
//! structures later event assembly relies on.

mod common;

fn parse(args: &[&str], stdin: &str) -> String {
    let mut all = vec!["parse"];
    all.extend_from_slice(args);
    let out = common::casus_with_stdin(&all, stdin.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[derive(Debug)]
struct Tok {
    form: String,
    upos: String,
    head: usize,
    rel: String,
    misc: String,
}

/// Reads CoNLL-U back, asserting validity of every sentence.
fn read_valid(out: &str) -> Vec<Vec<Tok>> {
    let mut sents = Vec::new();
    let mut cur: Vec<Tok> = Vec::new();
    for line in out.lines() {
        if line.is_empty() {
            assert!(!cur.is_empty(), "empty sentence");
            sents.push(std::mem::take(&mut cur));
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let c: Vec<&str> = line.split('\t').collect();
        assert_eq!(c.len(), 10, "columns in {line:?}");
        assert_eq!(c[0].parse::<usize>().unwrap(), cur.len() + 1, "ids 1..n");
        assert!(c.iter().all(|x| !x.is_empty()), "empty field in {line:?}");
        cur.push(Tok {
            form: c[1].into(),
            upos: c[3].into(),
            head: c[6].parse().unwrap(),
            rel: c[7].into(),
            misc: c[9].into(),
        });
    }
    assert!(cur.is_empty(), "output must end with a blank line");
    for s in &sents {
        let roots: Vec<_> = s.iter().filter(|t| t.head == 0).collect();
        assert_eq!(roots.len(), 1, "one root in {s:?}");
        assert_eq!(roots[0].rel, "root");
        for (i, t) in s.iter().enumerate() {
            assert!(t.head <= s.len(), "head in range");
            // Walking up from every token reaches the root without a cycle.
            let (mut at, mut steps) = (i + 1, 0);
            while at != 0 {
                at = s[at - 1].head;
                steps += 1;
                assert!(steps <= s.len(), "cycle through token {}", i + 1);
            }
        }
    }
    sents
}

fn find<'a>(s: &'a [Tok], form: &str) -> (usize, &'a Tok) {
    let i = s
        .iter()
        .position(|t| t.form == form)
        .unwrap_or_else(|| panic!("no {form} in {s:?}"));
    (i + 1, &s[i])
}

#[test]
fn active_passive_xcomp_and_coordination() {
    let out = parse(
        &[],
        "Russian troops attacked the city on Monday. The city was shelled by Russian forces.\n\
         Germany urged Iran to stop the tests. Police arrested two suspects and questioned them.",
    );
    let s = read_valid(&out);
    assert_eq!(s.len(), 4, "{out}");

    let (attacked, a) = find(&s[0], "attacked");
    assert_eq!(
        (a.upos.as_str(), a.head, a.rel.as_str()),
        ("VERB", 0, "root")
    );
    let (_, troops) = find(&s[0], "troops");
    assert_eq!((troops.head, troops.rel.as_str()), (attacked, "nsubj"));
    let (_, city) = find(&s[0], "city");
    assert_eq!((city.head, city.rel.as_str()), (attacked, "obj"));
    let (monday, m) = find(&s[0], "Monday");
    assert_eq!(m.head, attacked);
    assert_eq!(find(&s[0], "on").1.head, monday);
    assert!(m.misc.contains("SpaceAfter=No"), "{m:?}");

    let (shelled, _) = find(&s[1], "shelled");
    assert_eq!(find(&s[1], "city").1.rel, "nsubj:pass");
    let (forces, f) = find(&s[1], "forces");
    assert_eq!(f.head, shelled);
    assert!(f.rel.starts_with("obl"), "{f:?}");
    let by = find(&s[1], "by").1;
    assert_eq!((by.head, by.rel.as_str()), (forces, "case"));

    let (urged, _) = find(&s[2], "urged");
    assert_eq!(find(&s[2], "Iran").1.rel, "obj");
    let stop = find(&s[2], "stop").1;
    assert_eq!((stop.head, stop.rel.as_str()), (urged, "xcomp"));

    let (arrested, _) = find(&s[3], "arrested");
    let (questioned, q) = find(&s[3], "questioned");
    assert_eq!((q.head, q.rel.as_str()), (arrested, "conj"));
    assert_eq!(find(&s[3], "them").1.head, questioned);
    assert_eq!(find(&s[3], "and").1.rel, "cc");
}

#[test]
fn clitics_are_split_and_offsets_point_into_the_text() {
    let text = "The ministers didn't sign Moscow's offer.";
    let s = read_valid(&parse(&[], text));
    let forms: Vec<&str> = s[0].iter().map(|t| t.form.as_str()).collect();
    assert_eq!(
        forms,
        [
            "The",
            "ministers",
            "did",
            "n't",
            "sign",
            "Moscow",
            "'s",
            "offer",
            "."
        ]
    );
    for t in &s[0] {
        let r = t.misc.split("TokenRange=").nth(1).unwrap();
        let (a, b) = r.split_once(':').unwrap();
        assert_eq!(
            &text[a.parse::<usize>().unwrap()..b.parse::<usize>().unwrap()],
            t.form
        );
    }
    assert_eq!(find(&s[0], "'s").1.rel, "case");
}

#[test]
fn conllu_input_keeps_tokens_and_skips_multiword_lines() {
    let input = "# sent_id = a\n1\tRebels\t_\t_\t_\t_\t_\t_\t_\t_\n2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n\
                 2\tca\t_\t_\t_\t_\t_\t_\t_\t_\n3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n4\twin\t_\t_\t_\t_\t_\t_\t_\t_\n\n\
                 1\tStop\t_\t_\t_\t_\t_\t_\t_\t_\n2\tnow\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    let out = parse(&["--input-format", "conllu"], input);
    assert!(out.starts_with("# sent_id = a\n"), "{out}");
    let s = read_valid(&out);
    assert_eq!(s.len(), 2);
    let forms: Vec<&str> = s[0].iter().map(|t| t.form.as_str()).collect();
    assert_eq!(forms, ["Rebels", "ca", "n't", "win"]);
    assert_eq!(find(&s[0], "win").1.head, 0);
}

#[test]
fn bad_conllu_is_reported_with_its_line() {
    let out = common::casus_with_stdin(
        &["parse", "--input-format", "conllu", "-"],
        b"1\tonly\ttwo\n",
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 1"), "{err}");
}
