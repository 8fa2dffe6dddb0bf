//! The browser entry point: everything lives in the library so that it is testable.

fn main() {
    carnet::ui::mount();
}
