//! The page `method` alone, so its reader downloads only its code.

fn main() {
    headstart::start(headstart::pages::method());
}
