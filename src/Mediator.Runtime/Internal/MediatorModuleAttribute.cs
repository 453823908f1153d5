using System;
using System.ComponentModel;

namespace Mediator.Internal;

/// <summary>
/// Written by the generator into every project with handlers: names the mediator generated there, so that a project
/// referencing this one (the composition root) finds it in metadata at compile time and dispatches this project's
/// messages through it. Not meant to be applied by user code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class MediatorModuleAttribute : Attribute
{
    /// <summary>Describes the module.</summary>
    /// <param name="mediator">The mediator class generated in this assembly.</param>
    /// <param name="contractVersion">The version of the contract between a module and its host that the generator wrote.</param>
    public MediatorModuleAttribute(Type mediator, int contractVersion)
    {
        Mediator = mediator;
        ContractVersion = contractVersion;
    }

    /// <summary>The mediator class generated in this assembly: its public typed overloads are what the module handles.</summary>
    public Type Mediator { get; }

    /// <summary>The version of the contract between a module and its host (the shape of <c>RegisterModule</c>).</summary>
    public int ContractVersion { get; }
}
