//! A throw-away PostgreSQL cluster: `initdb` and `pg_ctl` on a directory the caller owns,
//! listening on 127.0.0.1 on a free port, trust auth, stopped on drop. PostgreSQL refuses to
//! run as root, so as root the cluster runs as the `postgres` user (`runuser`), and the
//! directory is given to it. Shared by the collector's test (tests/collector/postgres.rs) and the
//! ingest benchmark (examples/bench_ingest.rs), each including this file with `#[path]`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A running cluster.
pub struct Cluster {
    bin: PathBuf,
    data: PathBuf,
    run_as: Option<String>,
    port: u16,
}

fn find_bin() -> Option<PathBuf> {
    let in_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .find(|p| p.join("pg_ctl").is_file() && p.join("initdb").is_file())
    });
    if let Some(p) = in_path {
        // /usr/local/bin/pg_ctl may be a link into /usr/lib/postgresql/N/bin, beside `postgres`.
        let real = std::fs::canonicalize(p.join("pg_ctl")).ok()?;
        return real.parent().map(Path::to_owned);
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|b| b.join("pg_ctl").is_file() && b.join("initdb").is_file())
        .collect();
    versions.sort();
    versions.pop()
}

fn uid_of(user: Option<&str>) -> Option<(u32, u32)> {
    let id = |flag: &str| -> Option<u32> {
        let mut c = Command::new("id");
        c.arg(flag);
        if let Some(u) = user {
            c.arg(u);
        }
        let out = c.output().ok()?;
        String::from_utf8(out.stdout).ok()?.trim().parse().ok()
    };
    Some((id("-u")?, id("-g")?))
}

impl Cluster {
    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(path);
                c
            }
            None => Command::new(path),
        }
    }

    /// Starts a cluster in `dir` (an empty directory), or says why it cannot be here (not
    /// installed, no `postgres` user). `durable: false` turns fsync off (a test cluster);
    /// `true` keeps PostgreSQL's defaults, for figures that mean something. A failure of
    /// `initdb` or `pg_ctl` itself is a panic with their output.
    pub fn start(dir: &Path, durable: bool) -> Result<Cluster, String> {
        let bin = find_bin().ok_or("PostgreSQL is not installed (no pg_ctl/initdb in PATH or /usr/lib/postgresql/*/bin); scripts/setup installs Debian's postgresql")?;
        let (uid, _) = uid_of(None).ok_or("cannot tell the current user id (`id -u`)")?;
        let run_as = if uid == 0 {
            let (pg_uid, pg_gid) = uid_of(Some("postgres"))
                .ok_or("running as root and there is no `postgres` user to run PostgreSQL as")?;
            std::os::unix::fs::chown(dir, Some(pg_uid), Some(pg_gid)).map_err(|e| e.to_string())?;
            Some("postgres".to_owned())
        } else {
            None
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| e.to_string())?
            .port();
        let cluster = Cluster {
            bin,
            data: dir.join("data"),
            run_as,
            port,
        };
        let run = |mut c: Command, what: &str| -> Result<(), String> {
            let out = c.output().map_err(|e| format!("{what}: {e}"))?;
            if out.status.success() {
                Ok(())
            } else {
                Err(format!(
                    "{what} failed: {}{}",
                    String::from_utf8_lossy(&out.stdout),
                    String::from_utf8_lossy(&out.stderr)
                ))
            }
        };
        let mut init = cluster.command("initdb");
        init.arg("-D").arg(&cluster.data).args([
            "-A",
            "trust",
            "-U",
            "phieu",
            "-E",
            "UTF8",
            "--locale=C",
        ]);
        if !durable {
            init.arg("--no-sync");
        }
        if let Err(e) = run(init, "initdb") {
            panic!("{e}");
        }
        let mut start = cluster.command("pg_ctl");
        start
            .arg("-D")
            .arg(&cluster.data)
            .arg("-l")
            .arg(dir.join("log"))
            .arg("-o")
            .arg(format!(
                "-p {} -h 127.0.0.1 -k {}{}",
                cluster.port,
                dir.display(),
                if durable { "" } else { " -F" }
            ))
            .args(["-w", "-t", "60", "start"]);
        if let Err(e) = run(start, "pg_ctl start") {
            let log = std::fs::read_to_string(dir.join("log")).unwrap_or_default();
            panic!("{e}\n{log}");
        }
        Ok(cluster)
    }

    pub fn url(&self) -> String {
        format!("postgres://phieu@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let mut stop = self.command("pg_ctl");
        stop.arg("-D")
            .arg(&self.data)
            .args(["-m", "immediate", "-w", "stop"]);
        let _ = stop.output();
    }
}
