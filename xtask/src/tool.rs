//! Running the programs a measurement relies on (git and the counters), with their failures
//! told in words.

use crate::error::Error;
use std::ffi::OsStr;
use std::process::Command;

/// Standard output of `program args…`; an error naming the program when it cannot be started
/// or fails.
pub fn output<I, S>(program: &str, args: I) -> Result<Vec<u8>, Error>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let done = Command::new(program).args(args).output().map_err(|error| Error::Tool {
        tool: program.to_owned(),
        message: if error.kind() == std::io::ErrorKind::NotFound {
            "not found on the PATH; install it to measure (data/PROVENANCE.md names the versions)".to_owned()
        } else {
            error.to_string()
        },
    })?;
    if done.status.success() {
        Ok(done.stdout)
    } else {
        Err(Error::Tool {
            tool: program.to_owned(),
            message: format!("{} ({})", String::from_utf8_lossy(&done.stderr).trim(), done.status),
        })
    }
}

/// Standard output as text, trimmed.
pub fn text<I, S>(program: &str, args: I) -> Result<String, Error>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Ok(String::from_utf8_lossy(&output(program, args)?).trim().to_owned())
}

/// `git -C <checkout> args…`: a work tree and a bare repository alike.
pub fn git_output(checkout: &OsStr, args: &[&str]) -> Result<Vec<u8>, Error> {
    output("git", [OsStr::new("-C"), checkout].into_iter().chain(args.iter().map(OsStr::new)))
}

/// The same as text, trimmed.
pub fn git(checkout: &OsStr, args: &[&str]) -> Result<String, Error> {
    Ok(String::from_utf8_lossy(&git_output(checkout, args)?).trim().to_owned())
}

/// The version word of a `--version` line such as "tokei 15.0.0 compiled with …" or "1.96".
pub fn version_in(line: &str) -> Option<String> {
    line.split_whitespace()
        .find(|word| word.starts_with(|c: char| c.is_ascii_digit()) && word.contains('.'))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_found_in_their_lines() {
        assert_eq!(
            version_in("tokei 15.0.0 compiled with serialization support: json").as_deref(),
            Some("15.0.0")
        );
        assert_eq!(version_in("1.96").as_deref(), Some("1.96"));
        assert_eq!(version_in("git version 2.47.3").as_deref(), Some("2.47.3"));
        assert_eq!(version_in("no version here"), None);
    }

    #[test]
    fn a_missing_program_is_named() {
        let error = text("headstart-no-such-counter", ["--version"]).unwrap_err().to_string();
        assert!(error.starts_with("headstart-no-such-counter: not found on the PATH"), "{error}");
    }

    #[test]
    fn a_failing_program_says_why() {
        let nowhere = std::env::temp_dir().join("headstart-no-such-checkout");
        let error = git(nowhere.as_os_str(), &["rev-parse", "HEAD"]).unwrap_err().to_string();
        assert!(error.starts_with("git: ") && error.contains("exit status"), "{error}");
    }
}
