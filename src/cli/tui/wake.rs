//! The main loop's wait while idle: poll(2) on the terminal and on a pipe that the folder
//! watcher writes to when it has sent something, and SIGWINCH too (crossterm's own
//! handler still turns the signal into a resize event). Blocking in crossterm's read
//! instead would leave no way for the watcher to wake the loop but a signal, and crossterm
//! drops terminal input that comes in the same wake-up as a SIGWINCH. Nothing runs while
//! nothing happens: an idle reader still uses no CPU.

use std::io;
use std::os::fd::OwnedFd;
use std::sync::Arc;

use rustix::event::{PollFd, PollFlags, poll};
use rustix::io::Errno;
use rustix::pipe::{PipeFlags, pipe_with};
use signal_hook::consts::SIGWINCH;

use crate::cli::signals::input_tty;

/// The waiting end, held by the main loop.
pub struct Wake {
    tty: OwnedFd,
    read: OwnedFd,
    write: Arc<OwnedFd>,
}

/// Wakes the main loop from another thread.
#[derive(Clone)]
pub struct Waker(Arc<OwnedFd>);

impl Waker {
    pub fn wake(&self) {
        // Full (EAGAIN) means a wake-up is already waiting: nothing is lost.
        let _ = rustix::io::write(&*self.0, &[1]);
    }
}

/// What ended a wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Woken {
    /// The terminal has input, or hung up: crossterm reads it (and reports the hang-up).
    Terminal,
    /// A wake-up or a SIGWINCH: look at what the threads sent, and at crossterm's events.
    Other,
}

impl Wake {
    pub fn new() -> io::Result<Self> {
        let (read, write) = pipe_with(PipeFlags::CLOEXEC | PipeFlags::NONBLOCK)?;
        signal_hook::low_level::pipe::register(SIGWINCH, write.try_clone()?)?;
        Ok(Self {
            tty: input_tty()?,
            read,
            write: Arc::new(write),
        })
    }

    pub fn waker(&self) -> Waker {
        Waker(Arc::clone(&self.write))
    }

    /// Blocks until the terminal has input or something woke the loop.
    pub fn wait(&self) -> io::Result<Woken> {
        let mut fds = [
            PollFd::new(&self.tty, PollFlags::IN),
            PollFd::new(&self.read, PollFlags::IN),
        ];
        loop {
            match poll(&mut fds, None) {
                Ok(_) => break,
                Err(Errno::INTR) => {}
                Err(error) => return Err(error.into()),
            }
        }
        let terminal = !fds[0].revents().is_empty();
        let mut sink = [0u8; 64];
        while matches!(rustix::io::read(&self.read, &mut sink), Ok(n) if n > 0) {}
        Ok(if terminal {
            Woken::Terminal
        } else {
            Woken::Other
        })
    }
}
