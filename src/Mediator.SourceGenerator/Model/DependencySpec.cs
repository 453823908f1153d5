namespace Mediator.SourceGenerator.Model;

/// <summary>
/// One parameter of the constructor the container calls to build a handler or middleware: what the component takes from
/// the container, and so keeps for as long as it lives. The capture checks (<c>Checks/CaptureChecks</c>) compare it with
/// the lifetimes of the components this mediator registers.
/// </summary>
/// <param name="Name">The parameter's name, for the message.</param>
/// <param name="Display">The parameter's type as a user reads it.</param>
/// <param name="Key">
/// The class it names, as <c>global::</c> name and arity (<c>global::App.Audit`2</c>), the form handlers and middleware are
/// keyed by; null for a type that names no class (an array, a type parameter).
/// </param>
/// <param name="Convention">Whether the ecosystem registers the type scoped by convention, whatever this mediator does.</param>
internal sealed record DependencySpec(string Name, string Display, string? Key, ConventionalLifetime Convention);

/// <summary>A type that an ecosystem's registration methods make scoped, though the generator cannot see the registration.</summary>
internal enum ConventionalLifetime
{
    /// <summary>Nothing known: its lifetime is the app's own registration, which the generator cannot see.</summary>
    None = 0,

    /// <summary>An EF Core <c>DbContext</c> or a class derived from one: <c>AddDbContext</c> registers it scoped.</summary>
    DbContext = 1,
}
