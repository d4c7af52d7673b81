//! Reading a `dict_dir` folder into dictionary sources, walked exactly as
//! the CLI's `--dict DIR` walks it (casus-cli/src/dicts.rs), so a folder
//! gives the same pipeline and the same dictionary version in both.

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
/// files, `*.md` and `LICENSE` are not dictionaries and are left out.
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
            if name.starts_with('.') || name.ends_with(".md") || name == "LICENSE" {
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
