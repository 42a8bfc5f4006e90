//! The page `your-code` alone, so its reader downloads only its code.

fn main() {
    headstart::start(headstart::pages::your_code());
}
