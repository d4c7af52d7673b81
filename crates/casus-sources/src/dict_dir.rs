//! Reading a user's dictionary folder (`casus --dict DIR`, Python's
//! `Pipeline(dict_dir=...)`) into dictionary sources: one walk for every
//! front end, so a folder gives the same pipeline and the same dictionary
//! version in all of them. The core does no I/O; this is its reading side.

use casus_core::Source;
use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum DirError {
    #[error("dictionary folder {0} does not exist or is not a folder")]
    Missing(PathBuf),
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not valid UTF-8 (byte {at})")]
    Utf8 { path: PathBuf, at: usize },
}

/// Every file under `root` as (path relative to the root, `verbs/x.txt`;
/// its source named by its full path, as errors should show it). Hidden
/// files, `*.md`, `LICENSE` and an import report are not dictionaries and
/// are left out.
pub fn read(root: &Path) -> Result<Vec<(String, Source)>, DirError> {
    if !root.is_dir() {
        return Err(DirError::Missing(root.to_path_buf()));
    }
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| DirError::Io { path, source }
    };
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .map_err(io(&dir))?
            .collect::<Result<_, _>>()
            .map_err(io(&dir))?;
        entries.sort_by_key(|e| e.path());
        for entry in entries {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            // import-report.txt is what `casus dict import` writes beside the files.
            if name.starts_with('.')
                || name.ends_with(".md")
                || name == "LICENSE"
                || name == "import-report.txt"
            {
                continue;
            }
            let relative = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            let bytes = std::fs::read(&path).map_err(io(&path))?;
            let text = String::from_utf8(bytes).map_err(|e| DirError::Utf8 {
                path: path.clone(),
                at: e.utf8_error().valid_up_to(),
            })?;
            out.push((relative, Source::new(path.display().to_string(), text)));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gives_its_dictionary_files_by_relative_name_and_skips_the_rest() {
        let root = std::env::temp_dir().join(format!("casus-dict-dir-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("verbs")).unwrap();
        std::fs::write(root.join("verbs/extra.txt"), "040 confer with +\n").unwrap();
        std::fs::write(root.join("README.md"), "notes").unwrap();
        std::fs::write(root.join(".hidden.txt"), "x").unwrap();
        std::fs::write(root.join("import-report.txt"), "skipped lines").unwrap();
        let files = read(&root).unwrap();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["verbs/extra.txt"]);
        assert_eq!(files[0].1.text, "040 confer with +\n");
        std::fs::write(root.join("bad.txt"), [0x66, 0xff]).unwrap();
        assert!(matches!(read(&root), Err(DirError::Utf8 { at: 1, .. })));
        std::fs::remove_dir_all(&root).unwrap();
        assert!(matches!(read(&root), Err(DirError::Missing(_))));
    }
}
