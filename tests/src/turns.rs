//! Turns on the machine: a crowd (a thousand requests at once) runs alone.
//! The other tests run side by side as usual, but a crowd sharing two cores
//! with them would measure them, not the app: its slowest request would
//! wait for another test's Spin, its provider or its build of a page.
//!
//! A crowd waits until the apps already running have stopped, and no new
//! app starts while a crowd waits or runs. A test holding one app may start
//! another (a thread's own turn is never refused), and the crowd's thread may
//! start what it likes.

use std::cell::Cell;
use std::sync::{Condvar, Mutex};

#[derive(Default)]
struct State {
    /// Apps running, other than a crowd's.
    shared: usize,
    /// Crowds waiting for their turn, and whether one runs.
    crowds_waiting: usize,
    crowd: bool,
}

static STATE: Mutex<State> = Mutex::new(State {
    shared: 0,
    crowds_waiting: 0,
    crowd: false,
});
static CHANGED: Condvar = Condvar::new();

thread_local! {
    /// Turns this thread holds: shared ones, and whether it runs a crowd.
    static HELD: Cell<usize> = const { Cell::new(0) };
    static CROWD: Cell<bool> = const { Cell::new(false) };
}

/// Held while an app runs; dropped with it.
pub struct Turn {
    kind: Kind,
}

enum Kind {
    /// Beside other tests' apps; this thread's first such turn takes the
    /// place, its last gives it back.
    Shared,
    /// An app the crowd's own test starts.
    InCrowd,
    Crowd,
}

fn state() -> std::sync::MutexGuard<'static, State> {
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

/// A turn beside the other tests' apps (not beside a crowd).
pub fn shared() -> Turn {
    if CROWD.get() {
        return Turn {
            kind: Kind::InCrowd,
        };
    }
    if HELD.get() == 0 {
        let mut s = state();
        while s.crowd || s.crowds_waiting > 0 {
            s = CHANGED.wait(s).unwrap_or_else(|e| e.into_inner());
        }
        s.shared += 1;
    }
    HELD.set(HELD.get() + 1);
    Turn { kind: Kind::Shared }
}

/// The machine to oneself: waits for every other app to stop.
pub fn crowd() -> Turn {
    assert!(
        HELD.get() == 0 && !CROWD.get(),
        "a crowd starts before any other app of its test"
    );
    let mut s = state();
    s.crowds_waiting += 1;
    while s.crowd || s.shared > 0 {
        s = CHANGED.wait(s).unwrap_or_else(|e| e.into_inner());
    }
    s.crowds_waiting -= 1;
    s.crowd = true;
    CROWD.set(true);
    Turn { kind: Kind::Crowd }
}

impl Drop for Turn {
    fn drop(&mut self) {
        match self.kind {
            Kind::InCrowd => return,
            Kind::Shared => {
                HELD.set(HELD.get().saturating_sub(1));
                if HELD.get() > 0 {
                    return;
                }
                state().shared -= 1;
            }
            Kind::Crowd => {
                CROWD.set(false);
                state().crowd = false;
            }
        }
        CHANGED.notify_all();
    }
}
