import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sends a request over a plain socket, in pieces with pauses between them, as a slow phone or a
/// large upload does; the HTTP client of the tests always sends a body in one piece.
public enum RawHTTP {
    /// Writes `head` and then each piece of `body` with `pause` between them; returns the status code
    /// and the raw response text. The blocking socket work runs on a thread of its own: blocking Swift's
    /// few cooperative threads would also stall the server under test, whose handlers run there.
    public static func send(port: Int, head: String, body: [Data], pause: TimeInterval) async throws -> (
        status: Int, text: String
    ) {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try blockingSend(port: port, head: head, body: body, pause: pause) })
            }
            thread.start()
        }
    }

    static func blockingSend(port: Int, head: String, body: [Data], pause: TimeInterval) throws -> (
        status: Int, text: String
    ) {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw TestFailure("no socket") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw TestFailure("cannot connect") }
        func write(_ data: Data) throws {
            var offset = 0
            while offset < data.count {
                let sent = data.withUnsafeBytes { raw in
                    Glibc.send(socketFD, raw.baseAddress! + offset, data.count - offset, Int32(MSG_NOSIGNAL))
                }
                guard sent > 0 else { throw TestFailure("send failed") }
                offset += sent
            }
        }
        try write(Data(head.utf8))
        for (index, piece) in body.enumerated() {
            if index > 0 { Thread.sleep(forTimeInterval: pause) }
            try write(piece)
        }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        // Generous: a 3,000-row import on a loaded two-core machine takes well over ten seconds.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while true {
            let count = recv(socketFD, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
            // A response to a request without keep-alive ends when the server closes; stop early once the
            // head and a body of the announced length are in.
            if let text = String(data: received, encoding: .utf8), let end = text.range(of: "\r\n\r\n") {
                let head = text[..<end.lowerBound].lowercased()
                if let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                    let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)),
                    text.utf8.distance(from: end.upperBound.samePosition(in: text.utf8)!, to: text.utf8.endIndex)
                        >= length
                {
                    break
                }
            }
        }
        let text = String(decoding: received, as: UTF8.self)
        let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, text)
    }
}
