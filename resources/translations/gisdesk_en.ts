<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>IdentifyPanel</name>
    <message numerus="yes">
        <location filename="../../gisdesk/ui/panels/identify_panel.py" line="+250"/>
        <source>%n feature(s) selected</source>
        <translation>
            <numerusform>%n feature selected</numerusform>
            <numerusform>%n features selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LayerTreeModel</name>
    <message numerus="yes">
        <location filename="../../gisdesk/ui/panels/layer_tree_model.py" line="+191"/>
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n feature</numerusform>
            <numerusform>%n features</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../gisdesk/ui/main_window.py" line="+478"/>
        <source>%n feature(s) found</source>
        <translation>
            <numerusform>%n feature found</numerusform>
            <numerusform>%n features found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapStatusBar</name>
    <message numerus="yes">
        <location filename="../../gisdesk/ui/canvas/map_status.py" line="+106"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
</TS>
