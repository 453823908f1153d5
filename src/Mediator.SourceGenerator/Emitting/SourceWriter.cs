using System.Text;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>Writes C# with four-space indentation and '\n' line ends, so output is identical on every OS.</summary>
/// <remarks>
/// A file's text is built in a buffer the thread keeps between files (<see cref="Finish"/> hands it back): a large
/// project's pipelines are 32 files of some 300,000 characters each, and a new buffer per file grew through a chain of
/// chunks as large as the text itself, for every file, on top of the finished string.
/// </remarks>
internal sealed class SourceWriter
{
    /// <summary>The largest buffer a thread keeps between files (characters): the compiler server lives long, and a larger file is rare.</summary>
    private const int KeptCapacity = 1 << 21;

    [ThreadStatic]
    private static StringBuilder? s_spare;

    private StringBuilder? _builder;
    private int _indent;

    public SourceWriter()
    {
        _builder = s_spare ?? new StringBuilder();
        s_spare = null;
    }

    private StringBuilder Builder => _builder ?? throw new InvalidOperationException("This file was finished; start a new SourceWriter.");

    public SourceWriter Line(string text = "")
    {
        var builder = Builder;
        if (text.Length > 0)
        {
            builder.Append(' ', _indent * 4);
            builder.Append(text);
        }

        builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace; dispose the result to close it.</summary>
    public IDisposable Block(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return new Closer(this);
    }

    /// <summary>Indents the following lines one level without braces (the statements of a <c>case</c>); dispose to stop.</summary>
    public IDisposable Indent()
    {
        _indent++;
        return new Outdenter(this);
    }

    /// <summary>The text written so far.</summary>
    public override string ToString() => Builder.ToString();

    /// <summary>The file's text; the writer's buffer goes back to the thread for the next file, and this writer can write no more.</summary>
    public string Finish()
    {
        var builder = Builder;
        var text = builder.ToString();
        _builder = null;
        if (builder.Capacity <= KeptCapacity)
        {
            builder.Clear();
            s_spare = builder;
        }

        return text;
    }

    private sealed class Closer : IDisposable
    {
        private readonly SourceWriter _writer;

        public Closer(SourceWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line("}");
        }
    }

    private sealed class Outdenter : IDisposable
    {
        private readonly SourceWriter _writer;

        public Outdenter(SourceWriter writer) => _writer = writer;

        public void Dispose() => _writer._indent--;
    }
}
