fn main() {
    scopecraft_web::start();
}
