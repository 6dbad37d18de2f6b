//! `brief search actor:` through the binary, with the index and without one: briefing A
//! lists Volker Türk with the alias تورك; B lists only فولكر تورك; B2 lists only "Volker
//! Türk" under another id (only A's alias ties it to تورك); C is another Türk. HOME and
//! XDG_* point into the sandbox.

mod index_common;

use index_common::{Sandbox, brief, library, text};
use serde_json::{Value, json};

fn write_library(sandbox: &Sandbox) {
    let actor = |id: &str, name: &str, aliases: &[&str]| json!({"id": id, "name": name, "aliases": aliases});
    let briefings = [
        ("a", actor("turk", "Volker Türk", &["تورك"])),
        ("b", actor("vt", "فولكر تورك", &[])),
        ("b2", actor("vt2", "Volker Türk", &[])),
        ("c", actor("dt", "Daniel Türk", &[])),
    ];
    for (n, (id, actor)) in briefings.into_iter().enumerate() {
        sandbox.write(
            &format!("{id}.json"),
            &json!({"format": 1, "id": id, "headline": format!("Briefing {id}"),
                    "date": format!("2025-01-0{}", n + 1), "actors": [actor]}),
        );
    }
}

/// The ids `brief search --format json` printed, newest first, and what it said on stderr.
fn search(sandbox: &Sandbox, extra: &[&str]) -> (Vec<String>, String) {
    let folder = library(sandbox);
    let mut args = vec!["search", folder.as_str(), "actor:تورك", "--format", "json"];
    args.extend(extra);
    let out = brief(sandbox, &args);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let hits: Vec<Value> = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(&out.stdout)));
    let ids = hits
        .iter()
        .map(|hit| hit["id"].as_str().unwrap_or_default().to_owned())
        .collect();
    (ids, stderr)
}

#[test]
fn actor_finds_every_briefing_of_the_person_with_and_without_the_index() {
    let sandbox = Sandbox::new();
    write_library(&sandbox);
    let (indexed, stderr) = search(&sandbox, &[]);
    assert_eq!(indexed, ["b2", "b", "a"], "{stderr}");
    assert!(!stderr.contains("without the index"), "{stderr}");

    // An index that cannot be made (its folder is a file): the files are scanned.
    let blocked = sandbox.write("not-a-folder.txt", &json!("x"));
    let index = blocked.join("index.sqlite");
    let (scanned, stderr) = search(&sandbox, &["--index", &index.to_string_lossy()]);
    assert!(stderr.contains("without the index"), "{stderr}");
    assert_eq!(scanned, indexed);
}
