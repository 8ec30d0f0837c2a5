{{/*
Checks of the umbrella chart across its subcharts, which cannot see each
other's values: no node port may be asked for twice in one release, by the
manager's client Service, the Space's instance Services and the notebook together. Each
subchart checks its own ports; this template calls their helpers with the
values under `manager` and `pu`.
*/}}
{{- define "insightedge.checks" -}}
{{- $manager := dict "Values" .Values.manager "Release" .Release -}}
{{- $space := dict "Values" .Values.pu "Release" .Release -}}
{{- /* The subcharts' values as their templates read them: defaults back, legacy keys translated. */ -}}
{{- include "insightedge-manager.applyDefaults" $manager -}}
{{- include "insightedge-manager.applyLegacyKeys" $manager -}}
{{- include "insightedge-pu.applyDefaults" $space -}}
{{- include "insightedge-pu.applyLegacyKeys" $space -}}
{{- $block := include "insightedge-pu.nodePortBlock" $space | fromJson -}}
{{- /* The notebook's node port (zeppelin.enabled) against the manager's and the Space's. */ -}}
{{- if and .Values.zeppelin .Values.zeppelin.enabled -}}
{{- $notebook := dict "Values" .Values.zeppelin "Release" .Release -}}
{{- include "insightedge-zeppelin.applyDefaults" $notebook -}}
{{- $wanted := $notebook.Values.service.api.nodePort -}}
{{- if and (ne $notebook.Values.service.type "ClusterIP") $wanted -}}
{{- $nodePort := $wanted | int64 -}}
{{- range $claim := include "insightedge-manager.nodePortClaims" $manager | fromJsonArray -}}
{{- if eq ($claim.nodePort | int64) $nodePort -}}
{{- fail (printf "zeppelin.service.api.nodePort: node port %d is also asked for by manager.%s on Service %s; give each port its own node port" $nodePort $claim.key $claim.service) -}}
{{- end -}}
{{- end -}}
{{- if $block -}}
{{- $start := $block.start | int64 -}}
{{- $end := sub (add $start ($block.count | int64)) 1 -}}
{{- if and (ge $nodePort $start) (le $nodePort $end) -}}
{{- $service := include "insightedge-pu.instanceServiceName" (list $space (sub $nodePort $start)) -}}
{{- fail (printf "zeppelin.service.api.nodePort: node port %d is also given to instance Service %s (pu.service.lrmi.initialNodePort %d + %d); pick a port outside %d-%d" $nodePort $service $start (sub $nodePort $start) $start $end) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if $block -}}
{{- $start := $block.start | int64 -}}
{{- $end := sub (add $start ($block.count | int64)) 1 -}}
{{- range $claim := include "insightedge-manager.nodePortClaims" $manager | fromJsonArray -}}
{{- $nodePort := $claim.nodePort | int64 -}}
{{- if and (ge $nodePort $start) (le $nodePort $end) -}}
{{- $service := include "insightedge-pu.instanceServiceName" (list $space (sub $nodePort $start)) -}}
{{- fail (printf "manager.%s: node port %d is also given to instance Service %s (pu.service.lrmi.initialNodePort %d + %d); pick a port outside %d-%d" $claim.key $nodePort $service $start (sub $nodePort $start) $start $end) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}
