//! A pseudo terminal (openpty) running a command, with what it draws read back through a
//! VT100 screen model (`vt100`). Shared by `tests/ui_pty.rs` and `benches/ui.rs`.
#![allow(dead_code)]

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Pty {
    master: File,
    pub screen: Arc<Mutex<vt100::Parser>>,
    pub child: std::process::Child,
}

impl Pty {
    /// Runs `cmd` with its stdin, stdout and stderr on a new `rows` x `cols` pseudo terminal.
    pub fn spawn(mut cmd: Command, rows: u16, cols: u16) -> Pty {
        let mut master_fd = 0;
        let mut slave_fd = 0;
        let size = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two new file descriptors into the out-parameters.
        let rc = unsafe {
            libc::openpty(
                &mut master_fd,
                &mut slave_fd,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both descriptors were just opened by openpty and are owned here only.
        let (master, slave) =
            unsafe { (File::from_raw_fd(master_fd), OwnedFd::from_raw_fd(slave_fd)) };
        cmd.env("TERM", "xterm-256color")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        let child = cmd.spawn().expect("spawn under a pty");
        drop(cmd); // the parent's copies of the slave end close here
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(rows).unwrap(),
            std::num::NonZero::new(cols).unwrap(),
            0,
        )));
        let (mut reader, sink) = (master.try_clone().unwrap(), screen.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        Pty {
            master,
            screen,
            child,
        }
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text` (panics with the screen after 10 s).
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_for_within(text, Duration::from_secs(10))
    }

    pub fn wait_for_within(&self, text: &str, limit: Duration) -> String {
        let deadline = Instant::now() + limit;
        loop {
            let now = self.contents();
            if now.contains(text) {
                return now;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {text:?}; screen:\n{now}"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Types `bytes` (no pause).
    pub fn send(&mut self, bytes: &str) {
        self.master.write_all(bytes.as_bytes()).unwrap();
        self.master.flush().unwrap();
    }

    /// Types `bytes` and gives the UI a moment to take them.
    pub fn keys(&mut self, bytes: &str) {
        self.send(bytes);
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Waits for the program to end on its own; panics after 10 s or on a failure status.
    pub fn wait_exit(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                assert!(st.success(), "{st:?}");
                return;
            }
            assert!(Instant::now() < deadline, "the program did not quit");
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}
