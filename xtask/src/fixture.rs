//! Small git repositories made on the spot, for the tests of exporting and of history.

use crate::export::Scratch;
use std::path::Path;
use std::process::Command;

pub struct Repository {
    folder: Scratch,
}

impl Repository {
    pub fn new(name: &str) -> Repository {
        let repository = Repository { folder: Scratch::new(&format!("fixture-{name}")).unwrap() };
        repository.git(&["init", "-q", "-b", "main"], "nobody@example.com", "2000-01-01T00:00:00+00:00");
        repository
    }

    pub fn path(&self) -> &Path {
        &self.folder.path
    }

    /// Writes the files and commits them as `email` at `date`, committer and author alike.
    pub fn commit(&self, files: &[(&str, &str)], email: &str, date: &str) {
        for (name, contents) in files {
            let file = self.path().join(name);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(file, contents).unwrap();
        }
        self.git(&["add", "-A"], email, date);
        self.git(&["commit", "-q", "--allow-empty", "-m", "change"], email, date);
    }

    /// Commits the files on a side branch and merges it into main as `email`.
    pub fn merge(&self, files: &[(&str, &str)], email: &str, date: &str) {
        self.git(&["checkout", "-q", "-b", "side"], email, date);
        self.commit(files, email, date);
        self.git(&["checkout", "-q", "main"], email, date);
        self.git(&["merge", "-q", "--no-ff", "-m", "merge", "side"], email, date);
        self.git(&["branch", "-q", "-D", "side"], email, date);
    }

    pub fn head(&self) -> String {
        crate::tool::git(self.path().as_os_str(), &["rev-parse", "HEAD"]).unwrap()
    }

    fn git(&self, args: &[&str], email: &str, date: &str) {
        let done = Command::new("git")
            .arg("-C")
            .arg(self.path())
            .args([
                "-c",
                "user.name=Fixture",
                "-c",
                &format!("user.email={email}"),
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .env("GIT_AUTHOR_EMAIL", email)
            .env("GIT_COMMITTER_EMAIL", email)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap();
        assert!(done.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&done.stderr));
    }
}
