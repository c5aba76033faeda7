//! Prints the argon2id hash of each password given on the command line (used to
//! write the demo accounts of db/seed/demo.sql).
//!     cargo run -q -p palabre-kit --example hash_password -- 'demo password'

fn main() {
    for password in std::env::args().skip(1) {
        match palabre_kit::password::hash(&password) {
            Ok(hash) => println!("{hash}"),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    }
}
