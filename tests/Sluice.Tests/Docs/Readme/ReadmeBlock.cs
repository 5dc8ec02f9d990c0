namespace Sluice.Tests.Docs.Readme;

/// <summary>How the README test treats a <c>bash</c> block, as the HTML comment before it says.</summary>
internal enum ReadmeBlockKind
{
    /// <summary>No marker: run in the reader's shell, carrying what it sets to the blocks after it; it must exit 0.</summary>
    Run,

    /// <summary><c>&lt;!-- readme-test server URL --&gt;</c>: a server the reader starts in a shell of its own.</summary>
    Server,

    /// <summary><c>&lt;!-- readme-test skip: reason --&gt;</c>: needs what a test machine does not have (sudo, Docker, a certificate).</summary>
    Skip,
}

/// <param name="Line">The line of the opening fence, for failure messages.</param>
/// <param name="Detail">The server's readiness URL, or why the block is skipped.</param>
internal sealed record ReadmeBlock(int Line, string Code, ReadmeBlockKind Kind, string? Detail);
