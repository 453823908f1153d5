using System.Text;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>Writes C# with four-space indentation and '\n' line ends, so output is identical on every OS.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
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

    public override string ToString() => _builder.ToString();

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
