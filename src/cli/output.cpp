// SPDX-License-Identifier: MIT
#include "output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

#include "chronograph/error.hpp"
#include "commands.hpp"

namespace chronograph::cli {
namespace fs = std::filesystem;

bool common_options::show_progress() const { return !quiet && ::isatty(STDERR_FILENO); }

void atomic_write(const fs::path& path, std::string_view bytes) {
  const fs::path tmp = path.string() + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw io_error(path.string() + ": cannot write: " + std::strerror(errno));
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw io_error(path.string() + ": write failed: " + std::strerror(err));
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw io_error(path.string() + ": write failed: " + std::strerror(err));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw io_error(path.string() + ": cannot replace file: " + std::strerror(err));
  }
}

fs::path output_file(const fs::path& dir, const std::string& name, const std::string& ext) {
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos ||
      name.find('\\') != std::string::npos || name.find('\0') != std::string::npos)
    throw io_error("refusing to write '" + name + ext + "': not a plain file name inside " + dir.string());
  return dir / (name + ext);
}

void ensure_directory(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) throw io_error(dir.string() + ": cannot create output directory: " + ec.message());
}

}  // namespace chronograph::cli
