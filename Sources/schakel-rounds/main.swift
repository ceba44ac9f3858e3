import Foundation
import SchakelRounds

// The round planner alone, without the web application: quick to build in release mode for benchmarks.
let result = RoundsCLI.run(Array(CommandLine.arguments.dropFirst()))
FileHandle.standardOutput.write(Data(result.output.utf8))
FileHandle.standardError.write(Data(result.error.utf8))
exit(result.status)
