using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>What a call in user code does, as far as the composed mediator is concerned.</summary>
internal enum CallSiteKind
{
    /// <summary><c>Send(request)</c>: a request handled in this project or a module, or nowhere.</summary>
    Send,

    /// <summary><c>CreateStream(request)</c>: a stream request, likewise.</summary>
    CreateStream,

    /// <summary>A parameterless extension call on <c>IServiceCollection</c> that binds to nothing: maybe <c>AddMediator()</c> in a project that has none.</summary>
    Registration,

    /// <summary>A module's hidden <c>RegisterModule(services)</c>, which only the generated <c>AddMediator()</c> should call.</summary>
    ModuleRegistration,
}

/// <summary>Whose method a dispatch call is on.</summary>
internal enum CallReceiver
{
    /// <summary><c>ISender</c> or <c>IMediator</c>: the host's mediator at run time.</summary>
    Interface,

    /// <summary>A type the compilation does not know yet: this project's generated mediator, if its name matches.</summary>
    Unbound,

    /// <summary>The generic method of a referenced module's generated mediator.</summary>
    ModuleMediator,
}

/// <summary>
/// One call found by <c>Parsing/CallSiteParser</c>, as a value. Only the calls that can be wrong are kept: a typed overload
/// of a generated mediator is handled by construction, and a call on anything else is not the mediator's business.
/// </summary>
/// <param name="Kind">What the call does.</param>
/// <param name="Method">The method name as written (the registration's, for <see cref="CallSiteKind.Registration"/>).</param>
/// <param name="Receiver">Whose method it is (dispatch calls only).</param>
/// <param name="ReceiverName">
/// The receiver's type as written when it is <see cref="CallReceiver.Unbound"/> (<c>Host.Mediator</c> or <c>Mediator</c>),
/// the module's assembly for <see cref="CallReceiver.ModuleMediator"/> and <see cref="CallSiteKind.ModuleRegistration"/>.
/// </param>
/// <param name="Argument">
/// The message's static type as this project's pipelines are keyed (<see cref="TypeRef.Erased"/>'s display: no tuple element
/// names, no nullable annotations); null unless the call dispatches a concrete message.
/// </param>
/// <param name="Location">Where to report, in the current syntax tree.</param>
/// <param name="ArgumentSupertypes">
/// The message's base classes and interfaces, keyed as <paramref name="Argument"/>: this project's generic <c>Send</c>
/// routes a subclass to its base's handler, so a message whose base is handled here is handled.
/// </param>
/// <param name="ArgumentInModules">The message's static type as a module's messages are named (<see cref="ModuleMessage.Type"/>).</param>
internal sealed record CallSite(
    CallSiteKind Kind,
    string Method,
    CallReceiver Receiver,
    string? ReceiverName,
    string? Argument,
    LocationInfo Location,
    EquatableArray<string> ArgumentSupertypes = default,
    string? ArgumentInModules = null);
