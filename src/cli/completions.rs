//! `mlrs completions SHELL`: completion scripts generated from the clap definitions.

use clap::CommandFactory;
use clap_complete::Shell;

use mlrs::Result;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to generate for.
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(args: Args) -> Result<()> {
    let mut cmd = super::Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "mlrs", &mut std::io::stdout());
    Ok(())
}

/// Completion scripts and man pages committed under `completions/` and `man/`, generated from
/// the clap definitions. `MLRS_UPDATE_ASSETS=1 cargo test assets` rewrites them.
#[cfg(test)]
mod assets {
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    use clap::CommandFactory;
    use clap_complete::Shell;

    fn generate() -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        for (shell, name) in [
            (Shell::Bash, "mlrs.bash"),
            (Shell::Zsh, "_mlrs"),
            (Shell::Fish, "mlrs.fish"),
            (Shell::Elvish, "mlrs.elv"),
            (Shell::PowerShell, "_mlrs.ps1"),
        ] {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut super::super::Cli::command(), "mlrs", &mut buf);
            files.insert(PathBuf::from("completions").join(name), buf);
        }
        let mut root = super::super::Cli::command();
        root.build();
        man_pages(&root, "mlrs", "mlrs", &mut files);
        files
    }

    fn man_pages(
        cmd: &clap::Command,
        name: &str,
        bin: &str,
        files: &mut BTreeMap<PathBuf, Vec<u8>>,
    ) {
        let mut buf = Vec::new();
        let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
        let page = cmd.clone().name(leaked).bin_name(bin.to_string());
        clap_mangen::Man::new(page)
            .render(&mut buf)
            .expect("render man page");
        files.insert(PathBuf::from("man").join(format!("{name}.1")), buf);
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            man_pages(
                sub,
                &format!("{name}-{}", sub.get_name()),
                &format!("{bin} {}", sub.get_name()),
                files,
            );
        }
    }

    #[test]
    fn assets_completions_and_man_pages_are_up_to_date() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let files = generate();
        if std::env::var_os("MLRS_UPDATE_ASSETS").is_some() {
            for dir in ["completions", "man"] {
                let _ = std::fs::remove_dir_all(root.join(dir));
                std::fs::create_dir_all(root.join(dir)).unwrap();
            }
            for (path, bytes) in &files {
                std::fs::write(root.join(path), bytes).unwrap();
            }
            return;
        }
        let mut stale = Vec::new();
        for (path, bytes) in &files {
            if std::fs::read(root.join(path)).ok().as_deref() != Some(bytes.as_slice()) {
                stale.push(path.display().to_string());
            }
        }
        for dir in ["completions", "man"] {
            for entry in std::fs::read_dir(root.join(dir))
                .into_iter()
                .flatten()
                .flatten()
            {
                let rel = PathBuf::from(dir).join(entry.file_name());
                if !files.contains_key(&rel) {
                    stale.push(format!("{} (no longer generated)", rel.display()));
                }
            }
        }
        assert!(
            stale.is_empty(),
            "out of date: {stale:?}; regenerate with `MLRS_UPDATE_ASSETS=1 cargo test assets`"
        );
        assert!(files.keys().any(|p| p.ends_with("mlrs-runs-log-metric.1")));
    }
}
