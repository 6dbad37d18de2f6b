//! Every way out that does not pass through the main loop: signals, a hung-up terminal,
//! panics. Each restores the terminal and ends the process with a status that says what
//! happened. They cannot rely on the main thread: it may be blocked in `event::read`, or
//! spinning there once the tty is gone (crossterm#793, `read` keeps returning 0).

use std::fs::File;
use std::io::{self, IsTerminal};
use std::os::fd::{AsFd, OwnedFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, poll};
use rustix::pipe::PipeFlags;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::low_level::{pipe, raise};

use super::gate;
use super::job::orphaned;
use super::terminal;

/// Exit status for a panic: what Rust itself uses, and not a signal's 128+n.
pub const PANIC_STATUS: u8 = 101;
/// Exit status when the terminal hangs up without a SIGHUP reaching us: the same as SIGHUP.
pub const HANGUP_STATUS: u8 = 128 + SIGHUP as u8;

/// Test hook, not for users: `BRIEF_TEST_STOP_GATE=PATH` holds a stop from outside, the
/// terminal given back, until PATH is read to its end (`gate::pass`).
const TEST_STOP_GATE_VAR: &str = "BRIEF_TEST_STOP_GATE";

/// Set by the first thread that starts ending the process, so one status wins.
static EXITING: AtomicBool = AtomicBool::new(false);

/// Restores the terminal and exits with `status`. Only the first caller proceeds; any
/// later one waits here for the process to end. A watchdog ends the process anyway if
/// restoring blocks (a stalled link whose buffer is full), so nothing is left behind.
pub fn shutdown(status: u8) -> ! {
    if EXITING.swap(true, Ordering::SeqCst) {
        park_forever();
    }
    start_watchdog(status);
    let _ = terminal::close();
    std::process::exit(status.into())
}

/// Whether a signal, a hang-up or a panic is ending the process (`shutdown`).
pub fn ending() -> bool {
    EXITING.load(Ordering::SeqCst)
}

/// Leaves the ending of the process to the thread doing it: its exit status stands.
pub fn wait_for_the_end() -> ! {
    park_forever()
}

fn park_forever() -> ! {
    loop {
        std::thread::park();
    }
}

fn start_watchdog(status: u8) {
    let _ = std::thread::Builder::new()
        .name("exit-watchdog".into())
        .spawn(move || {
            std::thread::sleep(Duration::from_secs(3));
            std::process::exit(status.into())
        });
}

/// Registers the handlers and starts the thread that acts on signals and a hang-up. Each
/// signal is told through a pipe of its own, and one thread waits on all of them and on
/// the terminal: starting a thread costs a start far more than a pipe does. `first` runs
/// on that thread before it waits: work for the first frame that can be done beside the
/// main thread. Signals that come meanwhile wait in their pipes; from here on none ends
/// the process without the terminal restored: one acted on before the main thread takes
/// the terminal keeps it from doing so (`terminal::close`).
pub fn watch(first: impl FnOnce() + Send + 'static) -> io::Result<Registered> {
    let tty = input_tty()?;
    // The thread starts on `first` while the handlers are registered here.
    let (send_pipes, pipes) = mpsc::sync_channel::<Vec<(i32, OwnedFd)>>(1);
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            first();
            if let Ok(mut pipes) = pipes.recv() {
                watch_all(&tty, &mut pipes);
            }
        })?;
    send_pipes
        .send(register()?)
        .map_err(|_| io::Error::other("the signal thread ended before it began"))?;
    Ok(Registered(None))
}

/// As [`watch`], but the handlers are registered on the signal thread, before `first`:
/// this thread goes on at once, its start not held by theirs, and waits for them with
/// [`Registered::wait`] before it takes the terminal.
pub fn watch_beside(first: impl FnOnce() + Send + 'static) -> io::Result<Registered> {
    let tty = input_tty()?;
    let (tell, registered) = mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || match register() {
            Ok(mut pipes) => {
                let _ = tell.send(Ok(()));
                first();
                watch_all(&tty, &mut pipes);
            }
            Err(error) => {
                let _ = tell.send(Err(error));
            }
        })?;
    Ok(Registered(Some(registered)))
}

/// The signals' handlers, registered or on their way (`watch_beside`).
pub struct Registered(Option<mpsc::Receiver<io::Result<()>>>);

impl Registered {
    /// Returns once the handlers are registered.
    pub fn wait(self) -> io::Result<()> {
        let Some(registered) = self.0 else {
            return Ok(());
        };
        registered
            .recv()
            .unwrap_or_else(|_| Err(io::Error::other("the signal thread ended before it began")))
    }
}

/// A pipe for each signal acted on, its handler registered to write to it. If one cannot
/// be registered, those that were are taken back: a signal then acts as it would on any
/// program, rather than into a pipe no thread reads.
fn register() -> io::Result<Vec<(i32, OwnedFd)>> {
    let mut pipes = Vec::new();
    let mut registered = Vec::new();
    for signal in [SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGTSTP] {
        // A pipe, not a socket pair: a fifth of the cost to make.
        let made = rustix::pipe::pipe_with(PipeFlags::NONBLOCK | PipeFlags::CLOEXEC)
            .map_err(io::Error::from)
            .and_then(|(read, write)| Ok((read, pipe::register(signal, write)?)));
        match made {
            Ok((read, id)) => {
                pipes.push((signal, read));
                registered.push(id);
            }
            Err(error) => {
                for id in registered {
                    signal_hook::low_level::unregister(id);
                }
                return Err(error);
            }
        }
    }
    Ok(pipes)
}

/// Waits for the terminal to hang up or a signal to come, and acts on it:
/// - a hang-up: restore and exit as SIGHUP does;
/// - SIGHUP (link dropped), SIGTERM, SIGINT and SIGQUIT: restore and exit 128+signo. The
///   last two only come from `kill`: in raw mode Ctrl-C and Ctrl-backslash are keys;
/// - SIGTSTP: stop as job control expects (`stop_from_outside`).
///
/// The terminal is polled asking for no events: POLLHUP is reported regardless. That
/// covers a tty that goes away with no SIGHUP sent to us, e.g. when it is not our
/// controlling terminal: crossterm would spin forever.
fn watch_all(tty: &OwnedFd, pipes: &mut [(i32, OwnedFd)]) {
    loop {
        let mut fds: Vec<PollFd> = std::iter::once(PollFd::new(tty, PollFlags::empty()))
            .chain(
                pipes
                    .iter()
                    .map(|(_, read)| PollFd::new(read, PollFlags::IN)),
            )
            .collect();
        match poll(&mut fds, None) {
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            // Only a want of memory fails a poll of valid descriptors: try again shortly,
            // since the signals' handlers stay installed and only this thread hears them.
            Err(_) => {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        }
        if fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
        {
            shutdown(HANGUP_STATUS);
        }
        let came: Vec<bool> = fds[1..].iter().map(|fd| !fd.revents().is_empty()).collect();
        drop(fds);
        for ((signal, read), came) in pipes.iter_mut().zip(came) {
            if !came {
                continue;
            }
            drain(read);
            if *signal == SIGTSTP {
                stop_aside();
            } else {
                // signo is small and positive for these four.
                shutdown(128u8.saturating_add(u8::try_from(*signal).unwrap_or(0)));
            }
        }
    }
}

/// Empties a signal's pipe: signals that came together are acted on once.
fn drain(read: &mut OwnedFd) {
    let mut bytes = [0u8; 64];
    while matches!(rustix::io::read(&*read, &mut bytes), Ok(n) if n > 0) {}
}

/// Set when the terminal was given back and taken again behind the main loop's back (a
/// stop from outside): the screen was cleared, so the next frame must be drawn whole.
static REDRAW_WHOLE: AtomicBool = AtomicBool::new(false);

/// Whether the next frame must be drawn whole; asking clears it.
pub fn take_redraw_whole() -> bool {
    REDRAW_WHOLE.swap(false, Ordering::SeqCst)
}

/// Stops the process as job control expects and returns once it is continued; returns at
/// once if its process group is orphaned (no shell could ever continue it, and the kernel
/// itself discards SIGTSTP for such a group).
pub fn stop_job() -> io::Result<()> {
    if orphaned() {
        return Ok(());
    }
    raise(SIGSTOP)
}

/// A stop in progress: a SIGTSTP meanwhile is the same stop.
static STOPPING: AtomicBool = AtomicBool::new(false);

/// Stops on a thread of its own: giving the terminal back may block on a stalled link, and
/// a SIGTERM or a hang-up meanwhile must still end the process.
fn stop_aside() {
    if STOPPING.swap(true, Ordering::SeqCst) {
        return;
    }
    let started = std::thread::Builder::new()
        .name("job-control".into())
        .spawn(|| {
            stop_from_outside();
            STOPPING.store(false, Ordering::SeqCst);
        });
    if started.is_err() {
        STOPPING.store(false, Ordering::SeqCst);
    }
}

/// SIGTSTP from outside (`kill -TSTP`, a shell's `kill -s TSTP %1`; Ctrl-Z is a key in raw
/// mode and goes through the main loop): give the terminal back, stop, and on `fg` take it
/// again and wake the main loop with a SIGWINCH (crossterm turns it into a resize event),
/// which draws the whole screen anew.
fn stop_from_outside() {
    if orphaned() {
        return;
    }
    let stop = || {
        gate::pass(TEST_STOP_GATE_VAR);
        let _ = raise(SIGSTOP);
    };
    if terminal::given_back_during(stop) {
        REDRAW_WHOLE.store(true, Ordering::SeqCst);
        let _ = raise(SIGWINCH);
    }
}

/// The terminal brief reads from, as crossterm picks it: standard input if it is a
/// terminal, else /dev/tty.
pub fn input_tty() -> io::Result<OwnedFd> {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        return stdin.as_fd().try_clone_to_owned();
    }
    Ok(File::open("/dev/tty")?.into())
}

/// Whether the terminal has hung up, without waiting: the main thread asks this when a
/// read or write fails, so a dropped link ends with the hang-up status, not an error.
pub fn terminal_hung_up() -> bool {
    let Ok(fd) = input_tty() else {
        return true;
    };
    let mut fds = [PollFd::new(&fd, PollFlags::empty())];
    let zero = rustix::event::Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    match poll(&mut fds, Some(&zero)) {
        Ok(_) => fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR),
        Err(_) => false,
    }
}

/// Restores the terminal before the panic message is printed (so it lands on the normal
/// screen, not the alternate one that is about to vanish), then exits 101. Exiting from
/// the hook makes the outcome the same with `panic = "abort"`, where no destructor runs.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if EXITING.swap(true, Ordering::SeqCst) {
            // Another thread is already ending the process (or this one panicked while
            // doing so): say what happened and let that path, or its watchdog, finish.
            previous(info);
            park_forever();
        }
        start_watchdog(PANIC_STATUS);
        let _ = terminal::close();
        previous(info);
        std::process::exit(PANIC_STATUS.into());
    }));
}
