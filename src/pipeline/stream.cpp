// SPDX-License-Identifier: MIT
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include "chronograph/pipeline.hpp"

namespace chronograph {

void stream_in_order(const std::function<std::optional<std::string>()>& read,
                     const std::function<std::string(std::string, std::size_t)>& work,
                     const std::function<void(const std::string&)>& write, unsigned jobs, std::size_t window) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  if (window == 0) window = std::size_t{jobs} * 4;
  window = std::max<std::size_t>(window, jobs);

  struct slot {
    std::string item;
    std::optional<std::string> result;
  };
  std::deque<slot> in_flight;     // read but not yet written, in input order
  std::size_t first = 0;          // index of in_flight.front()
  std::size_t next_to_take = 0;   // index of the next item for a worker
  bool end_of_input = false, stopping = false;
  std::exception_ptr failure;
  std::mutex m;
  std::condition_variable work_ready, result_ready;

  const auto worker = [&] {
    std::unique_lock lock(m);
    for (;;) {
      work_ready.wait(lock, [&] { return stopping || next_to_take < first + in_flight.size() || end_of_input; });
      if (stopping) return;
      if (next_to_take == first + in_flight.size()) {
        if (end_of_input) return;
        continue;
      }
      const std::size_t index = next_to_take++;
      std::string item = std::move(in_flight[index - first].item);
      lock.unlock();
      std::optional<std::string> result;
      std::exception_ptr thrown;
      try {
        result = work(std::move(item), index);
      } catch (...) {
        thrown = std::current_exception();
      }
      lock.lock();
      if (thrown) {
        if (!failure) failure = thrown;
        stopping = true;
        work_ready.notify_all();
      } else {
        in_flight[index - first].result = std::move(result);  // deque elements stay put on push_back/pop_front
      }
      result_ready.notify_one();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(worker);

  std::exception_ptr io_failure;
  try {
    std::unique_lock lock(m);
    while (!stopping) {
      if (!in_flight.empty() && in_flight.front().result) {
        const std::string out = std::move(*in_flight.front().result);
        in_flight.pop_front();
        ++first;
        lock.unlock();
        write(out);
        lock.lock();
        continue;
      }
      if (!end_of_input && in_flight.size() < window) {  // read (without the lock) after writing what is ready
        lock.unlock();
        auto item = read();
        lock.lock();
        if (item) {
          in_flight.push_back({std::move(*item), std::nullopt});
          work_ready.notify_one();
        } else {
          end_of_input = true;
          work_ready.notify_all();
        }
        continue;
      }
      if (end_of_input && in_flight.empty()) break;
      result_ready.wait(lock, [&] { return stopping || (!in_flight.empty() && in_flight.front().result); });
    }
    stopping = true;
    work_ready.notify_all();
  } catch (...) {  // read or write threw: stop the workers first
    io_failure = std::current_exception();
    std::lock_guard guard(m);
    stopping = true;
    work_ready.notify_all();
  }
  for (auto& t : pool) t.join();
  if (io_failure) std::rethrow_exception(io_failure);
  if (failure) std::rethrow_exception(failure);
}

}  // namespace chronograph
