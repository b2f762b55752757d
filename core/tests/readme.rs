//! README.md stays true: its rule table is the rule data, its commands exist.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, missing_docs)]

use std::path::Path;

fn repo_file(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(name))
        .expect("readable")
}

#[test]
fn rule_table_matches_the_rule_data() {
    let readme = repo_file("README.md");
    let start = readme.find("<!-- rules:start -->\n").expect("start marker")
        + "<!-- rules:start -->\n".len();
    let end = readme.find("<!-- rules:end -->").expect("end marker");
    assert!(
        readme[start..end] == regplan::rule_table(),
        "README.md's rule table is stale: regenerate it with `cargo run -q -p regplan-cli -- rules`"
    );
}

#[test]
fn readme_opens_with_the_two_commands_and_ci_runs_the_test_one() {
    let readme = repo_file("README.md");
    let first_block = readme
        .split("```sh\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a sh block");
    assert!(first_block.contains("cargo run -q -p regplan-cli -- plan gcore.registries.create examples/gcore-registries-create.json"));
    assert!(first_block.contains("./test.sh"));
    assert!(repo_file(".ci/run").contains("./test.sh"));
    assert!(Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/gcore-registries-create.json")
        .exists());
}

#[test]
fn every_code_is_documented() {
    let readme = repo_file("README.md");
    for code in regplan::Code::ALL {
        assert!(
            readme.contains(&format!("`{}`", code.as_str())),
            "{code} missing from README.md"
        );
    }
}

#[test]
fn issue_kind_table_is_the_issue_kinds() {
    let readme = repo_file("README.md");
    assert!(
        readme.contains(&format!(
            "<!-- issue-kinds:start -->\n{}<!-- issue-kinds:end -->",
            regplan::issue_kind::kinds_table()
        )),
        "README.md's table of issue kinds is stale: run `cargo run -p regplan-typegen`"
    );
}
