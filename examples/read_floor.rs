//! The I/O floor for benchmarks: reads every file under a directory once, with as many threads
//! as cores, and prints the number of files and bytes. No parsing, no output formatting.
//!
//!     cargo run --release --example read_floor -- /tmp/bench/10k/mlruns

use std::io::Read;
use std::path::PathBuf;
use std::sync::Mutex;

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).expect("a directory"));
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    let total = Mutex::new(0u64);
    std::thread::scope(|s| {
        for chunk in files.chunks(files.len().div_ceil(threads).max(1)) {
            let total = &total;
            s.spawn(move || {
                let mut buf = Vec::with_capacity(1 << 16);
                let mut n = 0u64;
                for f in chunk {
                    buf.clear();
                    if let Ok(mut file) = std::fs::File::open(f) {
                        n += file.read_to_end(&mut buf).unwrap_or(0) as u64;
                    }
                }
                *total.lock().unwrap() += n;
            });
        }
    });
    println!(
        "{} files, {} bytes",
        files.len(),
        total.into_inner().unwrap()
    );
}
