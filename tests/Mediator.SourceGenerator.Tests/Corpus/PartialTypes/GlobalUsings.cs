global using System.Threading;
global using System.Threading.Tasks;
global using Mediator;
global using Stock = System.Collections.Generic.Dictionary<string, int>;
