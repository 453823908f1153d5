namespace Mediator.SourceGenerator.Model;

/// <summary>Which interface method a call site binds to, as far as an interceptor's signature is concerned.</summary>
internal enum InterceptedMethod
{
    /// <summary><c>ISender.Send&lt;TResponse&gt;(IRequest&lt;TResponse&gt;, CancellationToken)</c>.</summary>
    Send,

    /// <summary><c>ISender.Send(IRequest, CancellationToken)</c>.</summary>
    SendVoid,

    /// <summary><c>IPublisher.Publish&lt;TNotification&gt;(TNotification, CancellationToken)</c>.</summary>
    Publish,

    /// <summary><c>ISender.CreateStream&lt;TItem&gt;(IStreamRequest&lt;TItem&gt;, CancellationToken)</c>.</summary>
    CreateStream,
}

/// <summary>
/// A <c>Send</c>, <c>Publish</c> or <c>CreateStream</c> call on <c>ISender</c>, <c>IPublisher</c> or <c>IMediator</c> whose
/// message no subclass could route elsewhere (a sealed class or a struct), found by <c>Parsing/InterceptableCallParser</c>
/// in the Roslyn 4.14 build. Strings only, so that one file's calls compare by value and the other files' interceptors
/// stay cached.
/// </summary>
/// <param name="FilePath">The file the call is in: interceptors are written one file per source file.</param>
/// <param name="Method">The interface method the call binds to.</param>
/// <param name="MessageType">The message's static type as this project's pipelines show it (<c>TypeRef.Display</c>).</param>
/// <param name="MessageInModules">The same type as a module's messages name it (<c>ModuleMessage.Type</c>).</param>
/// <param name="Result">
/// <c>TResponse</c> or <c>TItem</c> of the call as this project's pipelines show it; null for <see cref="InterceptedMethod.SendVoid"/>
/// and <see cref="InterceptedMethod.Publish"/>.
/// </param>
/// <param name="ResultInModules">The same type as a module's messages name it (<c>ModuleMessage.Result</c>).</param>
/// <param name="IsValueType">Whether the message is a struct (a reference type is checked for null before the typed call).</param>
/// <param name="LocationVersion">The <c>InterceptableLocation</c>'s version.</param>
/// <param name="LocationData">The <c>InterceptableLocation</c>'s opaque data (a checksum of the file and the call's position).</param>
/// <param name="DisplayLocation">Where the call is, for a comment in the generated file (<c>Program.cs(12,17)</c>).</param>
internal sealed record InterceptableCall(
    string FilePath,
    InterceptedMethod Method,
    string MessageType,
    string MessageInModules,
    string? Result,
    string? ResultInModules,
    bool IsValueType,
    int LocationVersion,
    string LocationData,
    string DisplayLocation);

/// <summary>The interceptable calls of one source file, in source order.</summary>
/// <param name="FilePath">The source file.</param>
/// <param name="Calls">Its calls.</param>
internal sealed record InterceptableFile(string FilePath, EquatableArray<InterceptableCall> Calls);

/// <summary>A message the generated mediator has a typed overload for, with that overload's result.</summary>
/// <param name="Method">The interface method whose calls the overload takes over.</param>
/// <param name="MessageType">The message as the call's <see cref="InterceptableCall.MessageType"/> or <see cref="InterceptableCall.MessageInModules"/> shows it.</param>
/// <param name="Result">The overload's <c>TResponse</c> or <c>TItem</c>; null when it has none.</param>
/// <param name="FromModule">Whether the message is a referenced module's (matched by the module names).</param>
internal sealed record InterceptTarget(InterceptedMethod Method, string MessageType, string? Result, bool FromModule);

/// <summary>What the interceptors of every file are bound against: the generated mediator and its typed overloads.</summary>
/// <param name="Mediator">The generated mediator's full name (<c>global::App.Mediator</c>); null when nothing is generated.</param>
/// <param name="Targets">The messages with a typed overload.</param>
internal sealed record InterceptTargets(string? Mediator, EquatableArray<InterceptTarget> Targets)
{
    /// <summary>Nothing generated: no call is intercepted.</summary>
    public static readonly InterceptTargets None = new(null, EquatableArray<InterceptTarget>.Empty);
}

/// <summary>Whether interceptors are written at all, and why not.</summary>
/// <param name="Enabled">True when the property allows it, the language has <c>file</c> types and the namespace is opted in.</param>
internal sealed record InterceptSettings(bool Enabled);
