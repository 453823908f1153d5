namespace Mediator.SourceGenerator.Symbols;

/// <summary>Raised inside parsing when a type cannot be described; turned into a diagnostic, never into a build failure.</summary>
internal sealed class UnsupportedTypeException : Exception
{
    public UnsupportedTypeException(string reason)
        : base(reason)
    {
    }
}
