using System.Globalization;
using Sluice.Punches.Ledger;

namespace Sluice.Punches.Afd;

/// <summary>A fault found in an AFD: the 1-based line, the record's NSR when readable, and what is wrong.</summary>
internal sealed record AfdProblem(long Line, long? Nsr, string Reason);

/// <summary>What a check of an AFD found.</summary>
internal sealed record AfdCheck(long Lines, AfdRecordCounts Counts, IReadOnlyList<AfdProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Reads an AFD back and checks it as an auditor would: CRLF line ends, each record's width, the CRC of types 1–5,
/// NSRs consecutive, every type 7 hash recomputed from its own fields and the previous punch's hash
/// (<see cref="PunchHash"/>), trailer counts, the signature line. Streams: memory does not grow with the file.
/// </summary>
internal static class AfdVerifier
{
    public const int MaxProblems = 100;
    private const int MaxLineBytes = 512;

    /// <param name="input">The file.</param>
    /// <param name="hashBeforeFirstPunch">
    /// The hash of the punch just before the file's first type 7 (a file for a period starts mid-chain), or null when
    /// that is unknown: the first punch's own hash is then taken as given and the chain checked from there.
    /// </param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async Task<AfdCheck> CheckAsync(Stream input, string? hashBeforeFirstPunch, CancellationToken cancellationToken)
    {
        var state = new State(hashBeforeFirstPunch);
        var buffer = new byte[64 * 1024];
        var line = new char[MaxLineBytes];
        var length = 0;
        var overlong = false;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b == '\n')
                {
                    var crlf = length > 0 && line[length - 1] == '\r' && !overlong;
                    state.Line(line.AsSpan(0, crlf ? length - 1 : length), crlf, overlong);
                    length = 0;
                    overlong = false;
                }
                else if (length < line.Length)
                {
                    line[length++] = (char)b; // ISO-8859-1: each byte is its own character
                }
                else
                {
                    overlong = true;
                }
            }
        }

        if (length > 0)
        {
            state.Line(line.AsSpan(0, length), crlf: false, overlong);
        }

        return state.Finish();
    }

    private sealed class State(string? previousHash)
    {
        private readonly List<AfdProblem> _problems = [];
        private readonly long[] _counts = new long[10];
        private long _lines;
        private long _lastNsr;
        private bool _trailerSeen;
        private bool _signatureSeen;
        private string? _previousHash = previousHash;
        private bool _firstPunch = true;

        public void Line(ReadOnlySpan<char> text, bool crlf, bool overlong)
        {
            _lines++;
            if (overlong)
            {
                Problem(null, $"Line longer than {MaxLineBytes} bytes.");
                return;
            }

            if (!crlf)
            {
                Problem(null, "Line does not end with CRLF.");
            }

            if (_signatureSeen)
            {
                Problem(null, "Nothing may follow the signature line.");
            }
            else if (_trailerSeen)
            {
                _signatureSeen = true;
                Width(text, AfdRecords.SignatureLength, null);
                if (!text.TrimEnd(' ').SequenceEqual(AfdRecords.SignatureText))
                {
                    Problem(null, "The last line must be the signature line.");
                }
            }
            else if (_lines == 1)
            {
                Header(text);
            }
            else if (text.StartsWith("999999999"))
            {
                Trailer(text);
            }
            else
            {
                Body(text);
            }
        }

        public AfdCheck Finish()
        {
            if (!_signatureSeen)
            {
                Problem(null, _trailerSeen ? "The signature line is missing." : "The trailer (type 9) is missing.");
            }

            var counts = AfdRecordCounts.ByType(_counts);
            return new AfdCheck(_lines, counts, _problems);
        }

        private void Header(ReadOnlySpan<char> text)
        {
            if (!text.StartsWith("0000000001"))
            {
                Problem(null, "The first line must be the header (type 1).");
                return;
            }

            if (Width(text, AfdRecords.HeaderLength, 0))
            {
                Crc(text, 0);
            }
        }

        private void Body(ReadOnlySpan<char> text)
        {
            if (text.Length < 10 || !long.TryParse(text[..9], NumberStyles.None, CultureInfo.InvariantCulture, out var nsr))
            {
                Problem(null, "No NSR in the first 9 characters.");
                return;
            }

            if (nsr != _lastNsr + 1 && _lastNsr != 0)
            {
                Problem(nsr, nsr <= _lastNsr ? $"NSR {nsr} after {_lastNsr}: out of order or repeated." : $"NSR gap: {_lastNsr} then {nsr}.");
            }

            _lastNsr = nsr;
            var type = text[9] - '0';
            switch (type)
            {
                case 2 or 5:
                    _counts[type]++;
                    if (Width(text, type == 2 ? AfdRecords.EmployerLength : AfdRecords.EmployeeLength, nsr))
                    {
                        Crc(text, nsr);
                    }

                    break;
                case 3 or 4:
                    _counts[type]++;
                    Crc(text, nsr);
                    break;
                case 6:
                    _counts[6]++;
                    Width(text, AfdRecords.EventLength, nsr);
                    break;
                case 7:
                    _counts[7]++;
                    if (Width(text, AfdRecords.PunchLength, nsr))
                    {
                        Punch(text, nsr);
                    }

                    break;
                default:
                    Problem(nsr, $"Unknown record type '{text[9]}'.");
                    break;
            }
        }

        private void Punch(ReadOnlySpan<char> text, long nsr)
        {
            var stored = text[AfdRecords.PunchHashedLength..].ToString();
            if (_previousHash is null && _firstPunch)
            {
                // Mid-chain start with no known predecessor: take this hash as given, check every link after it.
                _firstPunch = false;
                _previousHash = stored;
                return;
            }

            _firstPunch = false;
            string expected;
            try
            {
                expected = PunchHash.FromFields(text[..AfdRecords.PunchHashedLength], _previousHash);
            }
            catch (ArgumentException e)
            {
                Problem(nsr, "Unreadable punch record: " + e.Message);
                _previousHash = null;
                return;
            }

            if (!string.Equals(expected, stored, StringComparison.Ordinal))
            {
                Problem(nsr, "The hash does not match the record and the previous hash.");
            }

            // Chain on from what the file says, so one altered record is reported once, not at every later line.
            _previousHash = stored.Length == PunchHash.HexLength && stored.All(char.IsAsciiHexDigit) ? stored : null;
        }

        private void Trailer(ReadOnlySpan<char> text)
        {
            _trailerSeen = true;
            if (!Width(text, AfdRecords.TrailerLength, null))
            {
                return;
            }

            var expected = AfdRecords.Trailer(AfdRecordCounts.ByType(_counts));
            if (!text.SequenceEqual(expected))
            {
                Problem(null, $"Trailer counts do not match the records: expected {expected}.");
            }
        }

        private bool Width(ReadOnlySpan<char> text, int width, long? nsr)
        {
            if (text.Length == width)
            {
                return true;
            }

            Problem(nsr, $"Record is {text.Length} characters; type '{(text.Length > 9 ? text[9] : '?')}' is {width}.");
            return false;
        }

        private void Crc(ReadOnlySpan<char> text, long nsr)
        {
            if (text.Length <= AfdCrc.Width)
            {
                Problem(nsr, "Record too short for a CRC.");
                return;
            }

            Span<char> expected = stackalloc char[AfdCrc.Width];
            AfdCrc.Write(text[..^AfdCrc.Width], expected);
            if (!text[^AfdCrc.Width..].SequenceEqual(expected))
            {
                Problem(nsr, $"CRC {text[^AfdCrc.Width..]} does not match {expected}.");
            }
        }

        private void Problem(long? nsr, string reason)
        {
            if (_problems.Count < MaxProblems)
            {
                _problems.Add(new AfdProblem(_lines, nsr, reason));
            }
        }
    }
}
