pub mod assets;
pub mod health;
pub mod home;
pub mod images;
pub mod network;
pub mod news;
pub mod pages;
pub mod processes;
