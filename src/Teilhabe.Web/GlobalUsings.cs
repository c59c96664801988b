global using Teilhabe.Core.Rules;
