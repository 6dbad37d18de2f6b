//! A worker thread made but not started: the session starts its workers once the first
//! frame is drawn, so that their starts are off its way; what is asked of a worker before
//! then waits in its channel.

pub struct Unstarted {
    name: &'static str,
    work: Box<dyn FnOnce() + Send>,
}

impl Unstarted {
    pub fn new(name: &'static str, work: impl FnOnce() + Send + 'static) -> Self {
        Self {
            name,
            work: Box::new(work),
        }
    }

    pub fn start(self) -> std::io::Result<()> {
        std::thread::Builder::new()
            .name(self.name.into())
            .spawn(self.work)
            .map(drop)
    }
}
